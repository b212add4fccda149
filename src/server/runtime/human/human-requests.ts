import { durationToMs, evaluateExpression, renderTemplate, type Graph, type GraphNode, type NodeOf, type RunContext } from "~/engine";
import type { Prisma } from "~/server/db/generated/client";

type Tx = Prisma.TransactionClient;

/** What the run is waiting for from a person right now: an approval, or a human escalation tier. */
export interface HumanRequestKey {
  kind: "approval" | "escalation";
  nodeId: string;
  tier: string;
  visit: number;
}

export const requestKeyOf = (key: HumanRequestKey) => `${key.kind}:${key.nodeId}:${key.tier}:${key.visit}`;

type EscalationProgress = { tier?: string; history?: unknown[] };

/**
 * The human requests a snapshot implies: each active approval node, and each active escalation
 * node whose current tier is handled by people (one request per round of that tier).
 */
export function humanRequestsOf(graph: Graph, active: readonly string[], context: RunContext, visitOf: (node: string) => number): HumanRequestKey[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return active.flatMap((nodeId): HumanRequestKey[] => {
    const node = byId.get(nodeId);
    if (node?.type === "approval") return [{ kind: "approval", nodeId, tier: "", visit: visitOf(nodeId) }];
    if (node?.type !== "escalation") return [];
    const progress = (context.steps[nodeId]?.output ?? {}) as EscalationProgress;
    const tier = (node as NodeOf<"escalation">).config.tiers.find((candidate) => candidate.id === progress.tier);
    if (!tier || tier.handler !== "human" || context.steps[nodeId]?.outcome) return [];
    // Rounds of one node visit: the history grows by one entry per tier result.
    return [{ kind: "escalation", nodeId, tier: tier.id, visit: visitOf(nodeId) * 1000 + (progress.history?.length ?? 0) }];
  });
}

/** The agent's confidence an approver sees: the node's confidence expression, or else the latest a model reported in the run. */
function confidenceFor(expression: string | undefined, context: RunContext): number | null {
  if (expression) {
    try {
      const value = evaluateExpression(expression, { input: context.input, steps: context.steps });
      return typeof value === "number" && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
    } catch {
      return null;
    }
  }
  return latestConfidence(context);
}

function latestConfidence(context: RunContext): number | null {
  let confidence: number | null = null;
  for (const step of Object.values(context.steps)) {
    const value = (step.output as { confidence?: unknown } | undefined)?.confidence;
    if (typeof value === "number" && Number.isFinite(value)) confidence = value;
  }
  return confidence;
}

function requestContent(node: GraphNode, key: HumanRequestKey, context: RunContext) {
  const scope = { input: context.input, steps: context.steps };
  if (node.type === "approval") {
    const config = (node as NodeOf<"approval">).config;
    return {
      summary: renderTemplate(config.summary, scope),
      details: { text: renderTemplate(config.details, scope), input: context.input },
      recommendation: config.recommendation ? renderTemplate(config.recommendation, scope) : null,
      confidence: confidenceFor(config.confidence, context),
      impact: config.impact ? renderTemplate(config.impact, scope) : null,
      alternatives: config.alternatives.map((alternative) => renderTemplate(alternative, scope)),
      risk: config.risk,
      assignees: config.assignees,
      quorum: config.quorum,
      deadline: config.deadline,
    };
  }
  const config = (node as NodeOf<"escalation">).config;
  const tier = config.tiers.find((candidate) => candidate.id === key.tier)!;
  const progress = (context.steps[node.id]?.output ?? {}) as EscalationProgress;
  return {
    summary: `${node.label || node.id}: ${tier.label || tier.id}`,
    details: { text: caseText(config.subject, scope), handoff: progress.history ?? [], input: context.input },
    recommendation: null,
    confidence: latestConfidence(context),
    impact: null,
    alternatives: [],
    risk: "medium",
    assignees: tier.assignees,
    quorum: 1,
    deadline: tier.triggers.timeExceeded,
  };
}

/** The escalation's case text; a subject that cannot be evaluated shows as empty, never as an error. */
function caseText(subject: string, scope: Record<string, unknown>): string {
  try {
    const value = evaluateExpression(subject, scope);
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return "";
  }
}

/** Creates the request row for a person to answer, rendered over the run as it is now. */
export async function openHumanRequest(
  tx: Tx,
  args: { runId: string; startedById: string | null; graph: Graph; key: HumanRequestKey; context: RunContext; now: Date },
): Promise<void> {
  const node = args.graph.nodes.find((candidate) => candidate.id === args.key.nodeId);
  if (!node) return;
  const content = requestContent(node, args.key, args.context);
  await tx.approval.upsert({
    where: { runId_nodeId_tier_visit: { runId: args.runId, nodeId: args.key.nodeId, tier: args.key.tier, visit: args.key.visit } },
    update: {},
    create: {
      runId: args.runId,
      kind: args.key.kind,
      nodeId: args.key.nodeId,
      tier: args.key.tier,
      visit: args.key.visit,
      status: "pending",
      summary: content.summary,
      details: JSON.stringify(content.details),
      recommendation: content.recommendation,
      confidence: content.confidence,
      impact: content.impact,
      alternatives: JSON.stringify(content.alternatives),
      risk: content.risk,
      assigneeUsers: JSON.stringify(content.assignees.users),
      assigneeRoles: JSON.stringify(content.assignees.roles),
      quorum: content.quorum,
      deadline: content.deadline ? new Date(args.now.getTime() + durationToMs(content.deadline)) : null,
      startedById: args.startedById,
    },
  });
}

const CLOSED_STATUS: Record<string, string> = {
  approve: "approved",
  reject: "rejected",
  changes: "changes_requested",
  timeout: "timed_out",
};

/** Closes a request the run no longer waits for, with the status its node's outcome implies. */
export async function closeHumanRequest(
  tx: Tx,
  args: { runId: string; key: HumanRequestKey; context: RunContext; now: Date; cancelled?: boolean },
): Promise<void> {
  const step = args.context.steps[args.key.nodeId];
  const movedOn = (step?.output as EscalationProgress | undefined)?.tier !== args.key.tier;
  const status = args.cancelled
    ? "cancelled"
    : args.key.kind === "approval"
      ? (CLOSED_STATUS[step?.outcome ?? ""] ?? "cancelled")
      : movedOn
        ? "escalated"
        : "answered";
  await tx.approval.updateMany({
    where: { runId: args.runId, nodeId: args.key.nodeId, tier: args.key.tier, visit: args.key.visit, status: "pending" },
    data: { status, decidedAt: args.now },
  });
}
