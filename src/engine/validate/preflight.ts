import { GRAPH_LIMITS } from "../graph/limits";
import { problem, type Problem } from "./problem";

/** A value still to visit; paths are rebuilt from parents only when a problem is reported. */
interface Frame {
  value: unknown;
  key: string | number | undefined;
  parent: Frame | undefined;
  depth: number;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let current: Frame | undefined = frame; current?.key !== undefined; current = current.parent) path.push(current.key);
  return path.reverse();
}

/** Whether the frame's value also sits above it: a cycle (shared, non-cyclic references are fine). */
function isOwnAncestor(frame: Frame): boolean {
  for (let current = frame.parent; current; current = current.parent) if (current.value === frame.value) return true;
  return false;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_PROBLEMS = 20;

/**
 * Whether a value needs a visit of its own: objects and arrays (to walk), over-long strings and
 * non-JSON values (to report). Numbers, booleans, null and short strings cannot hold a problem.
 */
function needsVisit(value: unknown): boolean {
  if (typeof value === "string") return value.length > GRAPH_LIMITS.maxStringLength;
  return (typeof value === "object" && value !== null) || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint";
}

/**
 * Walks the raw document before any schema parsing and rejects what could make later stages slow
 * or unsafe: nesting deeper than the limit, strings longer than the limit, prototype-pollution
 * keys, node or edge arrays over the limit, and non-JSON values (functions, cycles, …).
 *
 * @remarks Iterative, so it cannot overflow the stack on deeply nested input. Stops after a few
 * problems of the same document.
 */
export function preflight(document: unknown): Problem[] {
  const problems: Problem[] = [];
  const root: Frame = { value: document, key: undefined, parent: undefined, depth: 0 };
  const stack: Frame[] = needsVisit(document) ? [root] : [];
  const visit = (value: unknown, key: string | number, parent: Frame) => {
    if (needsVisit(value)) stack.push({ value, key, parent, depth: parent.depth + 1 });
  };
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === "string") {
      problems.push(problem("STRING_TOO_LONG", `A text is ${value.length} characters long; the limit is ${GRAPH_LIMITS.maxStringLength}.`, { path: pathOf(frame) }));
      continue;
    }
    if (typeof value !== "object" || value === null) {
      problems.push(problem("INVALID_GRAPH", `Found a ${typeof value}, which JSON cannot hold.`, { path: pathOf(frame) }));
      continue;
    }
    if (isOwnAncestor(frame)) {
      problems.push(problem("INVALID_GRAPH", "The document refers to itself (a cycle of objects).", { path: pathOf(frame) }));
      continue;
    }
    if (depth >= GRAPH_LIMITS.maxDepth) {
      problems.push(problem("INPUT_TOO_DEEP", `The document nests deeper than ${GRAPH_LIMITS.maxDepth} levels.`, { path: pathOf(frame).slice(0, 8) }));
      continue;
    }
    if (Array.isArray(value)) {
      const list = depth === 1 ? frame.key : undefined;
      const limit = list === "edges" ? GRAPH_LIMITS.maxEdges : GRAPH_LIMITS.maxNodes;
      if ((list === "nodes" || list === "edges") && value.length > limit) {
        problems.push(problem("GRAPH_TOO_LARGE", `The graph has ${value.length} ${list}; the limit is ${limit}.`, { path: pathOf(frame) }));
        continue;
      }
      for (let index = value.length - 1; index >= 0; index--) visit(value[index], index, frame);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(problem("FORBIDDEN_KEY", `The key "${key}" is not allowed anywhere in a graph.`, { path: [...pathOf(frame), key] }));
        continue;
      }
      if (key.length > GRAPH_LIMITS.maxStringLength) {
        problems.push(problem("STRING_TOO_LONG", `A key is ${key.length} characters long; the limit is ${GRAPH_LIMITS.maxStringLength}.`, { path: pathOf(frame) }));
        continue;
      }
      visit((value as Record<string, unknown>)[key], key, frame);
    }
  }
  return problems;
}
