import { nodeTypes, outcomesOf } from "~/engine";
import type { DraftNode } from "./types";

/**
 * The outcome handles of a draft node, from the engine's `outcomesOf`.
 *
 * @remarks A config that does not parse (mid-edit) is read as written, so handles stay put while
 * the designer types; a config too broken to read has no handles.
 */
export function outcomesOfDraft(node: Pick<DraftNode, "type" | "config">): string[] {
  const parsed = nodeTypes[node.type].configSchema.safeParse(node.config);
  try {
    const outcomes = outcomesOf({ type: node.type, config: parsed.success ? parsed.data : node.config });
    return outcomes.filter((outcome) => typeof outcome === "string" && outcome !== "");
  } catch {
    return [];
  }
}
