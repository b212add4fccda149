import type { GraphIndex } from "./graph-index";

/**
 * Strongly connected components that form cycles (more than one node, or a self-loop), found
 * with an iterative Tarjan so deep graphs cannot overflow the stack.
 *
 * @returns Each cycle's node ids, in discovery order.
 */
export function findCycles(index: GraphIndex): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const successors = (id: string) => (index.outgoing.get(id) ?? []).map((edge) => edge.target);

  for (const root of index.nodes.keys()) {
    if (order.has(root)) continue;
    const work: { id: string; next: string[]; position: number }[] = [];
    const enter = (id: string) => {
      order.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id), position: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.position < frame.next.length) {
        const target = frame.next[frame.position++]!;
        if (!order.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      if (component.length > 1 || frame.next.includes(frame.id)) cycles.push(component.reverse());
    }
  }
  return cycles;
}
