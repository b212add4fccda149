/**
 * An id not yet taken: `base` if free, otherwise `base2`, `base3`, …
 *
 * @example uniqueId("task", new Set(["task", "task2"])) // "task3"
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let counter = 2; ; counter++) {
    const candidate = `${base}${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A fresh edge id, `e1`, `e2`, …, after the highest numbered one taken.
 *
 * @example nextEdgeId(new Set(["e1", "e7", "e-start-done"])) // "e8"
 */
export function nextEdgeId(taken: ReadonlySet<string>): string {
  let highest = 0;
  for (const id of taken) {
    const match = /^e(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return uniqueId(`e${highest + 1}`, taken);
}
