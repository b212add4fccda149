import type { ASTNode } from "@marcbachmann/cel-js";

/** A member chain rooted at a variable, e.g. `steps.lookup.output` → `["steps", "lookup", "output"]`. */
export interface FieldReference {
  path: string[];
  /** Offset of the chain's start. */
  offset: number;
  /** Length of the chain's source text. */
  length: number;
}

/** A call of a function the engine refuses, with its position. */
export interface ForbiddenCall {
  name: string;
  offset: number;
  length: number;
}

/** Functions rejected at validation time: `matches` runs JavaScript regular expressions, which can run away. */
export const FORBIDDEN_FUNCTIONS = new Set(["matches"]);

type Node = { op: string; args: unknown; start?: number; end?: number; pos?: number };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "op" in value;
}

/** Follows `.` and `[ "literal" ]` accesses down to the root; undefined if the root is not a variable. */
function chainOf(node: Node): { path: string[]; index: Node[] } | undefined {
  const path: string[] = [];
  const index: Node[] = [];
  let current: Node = node;
  for (;;) {
    if (current.op === "id" && typeof current.args === "string") return { path: [current.args, ...path.reverse()], index };
    if (current.op !== "." && current.op !== "[]") return undefined;
    const [object, key] = current.args as [unknown, unknown];
    if (!isNode(object)) return undefined;
    if (current.op === ".") {
      path.push(String(key));
    } else if (isNode(key) && key.op === "value" && typeof key.args === "string") {
      path.push(key.args);
    } else {
      // A computed index ends the static part of the chain.
      path.length = 0;
      if (isNode(key)) index.push(key);
    }
    current = object;
  }
}

/** The variable member chains and forbidden calls of one expression. */
export interface References {
  fields: FieldReference[];
  forbidden: ForbiddenCall[];
}

/**
 * Lists the variable member chains and forbidden calls in a parsed expression.
 *
 * @remarks Chains through a computed index (`steps[x].output`) are cut at the index; the parts
 * after it cannot be checked statically.
 */
export function collectReferences(ast: ASTNode): References {
  const fields: FieldReference[] = [];
  const forbidden: ForbiddenCall[] = [];
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    if (!isNode(item)) continue;
    const start = item.start ?? item.pos ?? 0;
    const length = (item.end ?? start + 1) - start;
    if (item.op === "." || item.op === "[]" || item.op === "id") {
      const chain = chainOf(item);
      if (chain) {
        if (chain.path.length > 0) fields.push({ path: chain.path, offset: start, length });
        stack.push(...chain.index);
        continue;
      }
    }
    if ((item.op === "call" || item.op === "rcall") && Array.isArray(item.args)) {
      const name = item.args[0];
      if (typeof name === "string" && FORBIDDEN_FUNCTIONS.has(name)) forbidden.push({ name, offset: start, length });
    }
    if (typeof item.args === "object" && item.args !== null) stack.push(item.args);
  }
  return { fields, forbidden };
}
