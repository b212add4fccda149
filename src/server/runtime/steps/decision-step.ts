import { DecisionTableSchema, decideWithTable, type NodeConfig, type StepActorOutput } from "~/engine";
import { AppError } from "~/server/errors";
import type { StepCall } from "./step-context";
import type { StepEnv } from "./step-env";

type TableDecision = Extract<NodeConfig<"decision">, { source: "table" }>;
type Resolved = { inputs?: Record<string, unknown>; inputErrors?: Record<string, string> };

/** Loads one immutable rule-table version by table key and version number. */
export async function loadRuleTable(env: StepEnv, key: string, version: number) {
  const row = await env.db.ruleTableVersion.findFirst({ where: { table: { key }, version } });
  if (!row) throw new AppError("NOT_FOUND", `Rule table ${key} has no version ${version}.`);
  return DecisionTableSchema.parse(JSON.parse(row.definition));
}

/** A decision node backed by a rule table: the pinned version decides, so a run never changes its mind when a table is edited. */
export async function runDecisionStep(env: StepEnv, call: StepCall<TableDecision>): Promise<StepActorOutput> {
  const { config } = call.input;
  const resolved = call.input.resolved as Resolved;
  call.run.attributeStep(call.input.nodeId, `rules:${config.table.id}@${config.table.version}`);
  const table = await loadRuleTable(env, config.table.id, config.table.version);
  return decideWithTable(config, table, resolved.inputs ?? {});
}
