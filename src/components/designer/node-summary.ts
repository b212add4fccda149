import type { NodeType } from "~/engine";

type Config = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function ids(value: unknown): string {
  return list(value)
    .map((item) => (typeof item === "object" && item !== null ? text((item as Config).id) : text(item)))
    .filter(Boolean)
    .join(", ");
}

const SUMMARIES: { [Type in NodeType]: (config: Config) => string | undefined } = {
  start: (config) => {
    const names = list(config.inputFields).map((field) => text((field as Config | null)?.name)).filter(Boolean);
    return names.length > 0 ? `input: ${names.join(", ")}` : "no input fields";
  },
  end: (config) => text(config.outcome) ?? "completed",
  task: (config) => text(config.connector) ?? "no connector",
  llm: (config) => text(config.model) ?? "default model",
  decision: (config) =>
    config.source === "table"
      ? `table ${text((config.table as Config | undefined)?.id) ?? "?"}`
      : `${list(config.rules).length} rule(s) → ${ids(config.outcomes)}`,
  approval: (config) => {
    const assignees = (config.assignees ?? {}) as Config;
    const who = [...list(assignees.roles), ...list(assignees.users)].filter((name) => typeof name === "string").join(", ");
    const quorum = typeof config.quorum === "number" ? config.quorum : 1;
    return [`quorum ${quorum}`, text(config.deadline) && `deadline ${String(config.deadline)}`, who || "no assignee"].filter(Boolean).join(" · ");
  },
  guardrail: (config) =>
    list(config.checks)
      .map((check) => text((check as Config | null)?.kind))
      .filter(Boolean)
      .join(", ") || "no checks",
  escalation: (config) => `tiers: ${ids(config.tiers) || "none"}`,
  parallel: (config) => `${list(config.branches).length} branches`,
  join: (config) => {
    const mode = text(config.mode) ?? "all";
    return mode === "n_of_m" ? `wait for ${String(config.n ?? "n")} of m` : `wait for ${mode}`;
  },
  wait: (config) => {
    if (config.mode === "signal") return `signal ${text(config.signal) ?? "?"}`;
    if (config.mode === "until") return `until ${text(config.until) ?? "?"}`;
    return `for ${text(config.duration) ?? "?"}`;
  },
};

/**
 * One line of a node's key configuration for its card on the canvas.
 *
 * @example configSummary("task", { connector: "transform" }) // "transform"
 */
export function configSummary(type: NodeType, config: unknown): string {
  const record = typeof config === "object" && config !== null ? (config as Config) : {};
  return SUMMARIES[type](record) ?? "";
}
