/**
 * Counts how often each node was entered: the visit number that makes idempotency keys, approval
 * requests and timers of a node that runs again in a loop distinct from the earlier ones.
 */
export class NodeEntries {
  private readonly visits: Map<string, number>;

  constructor(initial: Record<string, number> = {}) {
    this.visits = new Map(Object.entries(initial));
  }

  /** Records the nodes active after a step that were not active before it; returns them. */
  enter(before: ReadonlySet<string>, after: readonly string[]): string[] {
    const entered = after.filter((node) => !before.has(node));
    for (const node of entered) this.visits.set(node, (this.visits.get(node) ?? 0) + 1);
    return entered;
  }

  visitOf(node: string): number {
    return this.visits.get(node) ?? 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.visits);
  }
}
