/** Stable validation codes, each with the rule it stands for (the table in docs/graph-format.md). */
export const PROBLEM_CODES = {
  INVALID_JSON: "The document is not valid JSON.",
  INPUT_TOO_DEEP: "The document nests deeper than the limit.",
  STRING_TOO_LONG: "A string is longer than the limit.",
  FORBIDDEN_KEY: "A key such as __proto__ or constructor appears in the document.",
  GRAPH_TOO_LARGE: "More nodes or edges than the limit.",
  INVALID_GRAPH: "The document is not a workflow graph (wrong or missing top-level fields).",
  INVALID_NODE: "A node lacks an id, a known type, or has a malformed label or position.",
  INVALID_EDGE: "An edge is malformed (missing ids or handle, a default edge with a condition…).",
  INVALID_NODE_CONFIG: "A node's config does not match its type's schema.",
  NO_START: "The graph has no start node.",
  MULTIPLE_STARTS: "The graph has more than one start node.",
  NO_END: "The graph has no end node.",
  DUPLICATE_NODE_ID: "Two nodes share an id.",
  DUPLICATE_EDGE_ID: "Two edges share an id.",
  DANGLING_EDGE: "An edge starts or ends at a node that does not exist.",
  EDGE_INTO_START: "An edge leads back into the start node.",
  UNREACHABLE_NODE: "No path leads from the start node to this node.",
  NO_PATH_TO_END: "No end node can be reached from this node.",
  MISSING_OUTCOME_EDGE: "An outcome (handle) of a node has no outgoing edge.",
  UNKNOWN_HANDLE: "An edge leaves from a handle the node does not have.",
  CONFLICTING_DEFAULT_EDGES: "More than one edge of a handle is unconditional or marked default.",
  MISSING_DEFAULT_EDGE: "All edges of a handle are conditional; the run stops there if none holds (warning).",
  INVALID_BRANCH_EDGE: "A parallel branch handle needs exactly one unconditional edge.",
  UNKNOWN_NODE_REFERENCE: "A config field names a node that does not exist or has the wrong type.",
  EXPRESSION_SYNTAX_ERROR: "An expression does not parse.",
  EXPRESSION_UNKNOWN_FIELD: "An expression names a variable or field that does not exist.",
  EXPRESSION_TYPE_ERROR: "An expression mixes types wrongly or calls an unavailable function.",
  FORK_WITHOUT_JOIN: "The branches of a parallel node do not all meet at one join.",
  BRANCH_CROSSES_REGION: "A node is entered from outside its parallel branch, or belongs to two branches.",
  JOIN_WITHOUT_FORK: "A join is not reached by the branches of any parallel node.",
  JOIN_QUORUM_TOO_HIGH: "A join in n_of_m mode needs more branches than its parallel node has.",
  UNGUARDED_CYCLE: "A cycle can spin forever: it has no wait, approval or escalation and no guarded exit.",
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One validation finding. */
export interface Problem {
  code: ProblemCode;
  severity: "error" | "warning";
  /** A sentence a workflow designer understands. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Path inside the document, e.g. `["nodes", 3, "config", "deadline"]`. */
  path?: (string | number)[];
}

/**
 * Creates an error-severity problem.
 *
 * @example problem("NO_END", "Add an end node.")
 */
export function problem(code: ProblemCode, message: string, where: Omit<Problem, "code" | "severity" | "message"> = {}): Problem {
  return { code, severity: "error", message, ...where };
}

/** Creates a warning-severity problem. */
export function warning(code: ProblemCode, message: string, where: Omit<Problem, "code" | "severity" | "message"> = {}): Problem {
  return { code, severity: "warning", message, ...where };
}
