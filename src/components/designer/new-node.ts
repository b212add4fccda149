import { nodeTypes, type NodeType } from "~/engine";
import { uniqueId } from "./node-ids";
import type { DraftNode } from "./types";

/**
 * The config a node starts with when dropped from the palette: the type's defaults written out,
 * plus placeholders the designer fills in (an empty connector or summary shows as a problem).
 */
const STARTER_CONFIGS: { [Type in NodeType]: () => unknown } = {
  start: () => ({ inputFields: [], triggers: ["manual"] }),
  end: () => ({ outcome: "completed" }),
  task: () => ({ connector: "", input: {}, idempotent: false }),
  llm: () => ({ userPrompt: "", systemPrompt: "", tools: [], temperature: 0.2, fallback: false }),
  decision: () => ({ source: "inline", outcomes: ["yes", "no"], rules: [{ when: "true", outcome: "yes" }], defaultOutcome: "no" }),
  approval: () => ({ summary: "", details: "", assignees: { users: [], roles: [] }, quorum: 1, risk: "medium", allowChanges: true }),
  guardrail: () => ({ stage: "before", checks: [{ kind: "confidence", value: "", min: 0.8 }] }),
  escalation: () => ({
    subject: "",
    tiers: [
      { id: "auto", label: "Automatic", handler: "auto", triggers: { confidenceBelow: 0.7 } },
      { id: "l1", label: "L1", handler: "human", assignees: { users: [], roles: [] } },
    ],
  }),
  parallel: () => ({ branches: [{ id: "a", label: "" }, { id: "b", label: "" }] }),
  join: () => ({ mode: "all", tolerateFailures: 0 }),
  wait: () => ({ mode: "duration", duration: "PT1H" }),
};

/**
 * A new node of `type` at `position`, with an id not in `taken` (`task`, `task2`, …).
 *
 * @example createNode("approval", { x: 0, y: 0 }, new Set(["start"])).id // "approval"
 */
export function createNode(type: NodeType, position: { x: number; y: number }, taken: ReadonlySet<string>): DraftNode {
  return { id: uniqueId(type, taken), type, label: nodeTypes[type].label, position, config: STARTER_CONFIGS[type]() };
}
