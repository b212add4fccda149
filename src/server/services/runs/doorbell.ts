/**
 * Wakes a waiting reader when something new may be there. A ring that arrives while nobody waits
 * is kept, so a reader that checks, then waits, never misses one.
 */
export class Doorbell {
  private rung = false;
  private wake: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  /** Resolves at the next ring (at once if one came since the last wait), or when `signal` aborts. */
  wait(signal?: AbortSignal): Promise<void> {
    if (this.rung || signal?.aborted) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.wake = undefined;
        this.rung = false;
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.wake = done;
      signal?.addEventListener("abort", done, { once: true });
    });
  }
}
