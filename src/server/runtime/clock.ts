/**
 * Where the runtime reads the time. Deadlines, timers and timestamps all come from one clock, so
 * tests and the CLI can run a workflow's hours of waiting in an instant with a virtual clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start: Date | number = Date.UTC(2026, 0, 1)) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by `ms` milliseconds (never backwards). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.current += ms;
    return this.now();
  }

  /** Moves the clock to `to`, if that is later than now. */
  advanceTo(to: Date): Date {
    this.current = Math.max(this.current, to.getTime());
    return this.now();
  }
}
