/**
 * Flowgate engine core: graph format, validation, expressions, decision tables, guardrail checks
 * and the XState compiler. Pure TypeScript: no I/O, no framework.
 */

// Graph format
export { GRAPH_LIMITS } from "./graph/limits";
export {
  AssigneesSchema,
  DurationSchema,
  durationToMs,
  ExpressionSchema,
  ID_PATTERN,
  IdSchema,
  MappingSchema,
  TemplateSchema,
} from "./graph/common";
export type { ExpressionRef, NodeTypeDefinition } from "./graph/node-type";
export { expressionsOf, isFailureOutcome, NODE_TYPES, nodeTypes, outcomesOf } from "./graph/node-types";
export type { NodeConfig, NodeType } from "./graph/node-types";
export { EdgeSchema, GraphSchema, NodeSchema } from "./graph/schema";
export type { Graph, GraphEdge, GraphInput, GraphNode, NodeOf } from "./graph/schema";
export { graphJsonSchema } from "./graph/json-schema";
export { INPUT_FIELD_TYPES } from "./graph/nodes/start";
export { RUN_OUTCOMES } from "./graph/nodes/end";
export { PII_KINDS } from "./graph/nodes/guardrail";
export type { GuardrailCheck, GuardrailConfig, PiiKind } from "./graph/nodes/guardrail";
export { UNRESOLVED } from "./graph/nodes/escalation";
export type { EscalationTier, EscalationTriggers } from "./graph/nodes/escalation";

// Validation
export { validateGraph, validateGraphJson } from "./validate/validate-graph";
export type { ValidationResult } from "./validate/validate-graph";
export { PROBLEM_CODES } from "./validate/problem";
export type { Problem, ProblemCode } from "./validate/problem";

// Expressions
export { analyzeExpression, analyzeTemplate, STEP_RECORD_KEYS } from "./expressions/analyze";
export type { AnalyzeOptions, KnownFields } from "./expressions/analyze";
export { evaluateExpression, evaluateMapping, renderTemplate, testCondition, toJsonValue } from "./expressions/evaluate";
export type { ExpressionScope } from "./expressions/evaluate";
export { formatExpressionError } from "./expressions/expression-error";
export type { ExpressionError } from "./expressions/expression-error";
export { parseTemplate } from "./expressions/template";

// Decision tables
export { checkDecisionTable } from "./rules/check-table";
export type { TableProblem } from "./rules/check-table";
export { decideWithTable } from "./rules/decide";
export { evaluateDecisionTable } from "./rules/evaluate-table";
export type { TableResult } from "./rules/evaluate-table";
export { findOverlaps } from "./rules/overlaps";
export type { RuleOverlap } from "./rules/overlaps";
export { DecisionTableSchema, HIT_POLICIES } from "./rules/table";
export type { DecisionTable, DecisionTableInput, HitPolicy } from "./rules/table";
export { parseUnaryTest } from "./rules/unary-test";
export type { UnaryTest } from "./rules/unary-test";

// Guardrails and escalation
export { checkBudget, checkConfidence, checkContent, checkRate, checkScope } from "./guardrails/checks";
export type { Verdict } from "./guardrails/checks";
export { ibanValid, luhnValid } from "./guardrails/checksums";
export { findPii } from "./guardrails/pii";
export type { PiiFinding } from "./guardrails/pii";
export { runGuardrail } from "./guardrails/run-guardrail";
export type { GuardrailFacts } from "./guardrails/run-guardrail";
export { escalationReason } from "./escalation/escalation-reason";
export type { EscalationFacts } from "./escalation/escalation-reason";

// Version diffs
export { diffGraphs, hasChanges } from "./diff/diff-graphs";
export type { EdgeChange, FieldChange, GraphDiff, NodeChange, NodeMove } from "./diff/diff-graphs";
export { unionGraph } from "./diff/union-graph";

// Compiler
export { compile, machineSetup } from "./compile/compile";
export type { CompiledWorkflow, MachineJson } from "./compile/compile";
export { joinStatus } from "./compile/join-status";
export { activeNodeIds, pendingTimers } from "./compile/trace";
export type { PendingTimer } from "./compile/trace";
export { ACTOR_KEYS, EVENT_TYPES } from "./compile/types";
export type {
  ActorKey,
  ApprovalDecision,
  FlowgateEvent,
  RunContext,
  StateMeta,
  StepActorInput,
  StepActorOutput,
  StepRecord,
  TimerSpec,
} from "./compile/types";
