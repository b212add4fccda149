import { z } from "zod";

import { DurationSchema, durationToMs } from "../../engine";

/**
 * One line of a `flowgate run --events` file: what the outside world does to the run the next time
 * it waits. Each line is a JSON object with exactly one action key (`approve`, `reject`, `changes`,
 * `escalation`, `signal` or `advance`); see docs/cli.md.
 */
export type ScriptedEvent =
  | { kind: "approval"; line: number; nodeId: string; decision: "approve" | "reject" | "changes"; by: string; comment?: string }
  | { kind: "escalation"; line: number; nodeId: string; tier: string; resolved: boolean; by: string; text?: string; confidence?: number }
  | { kind: "signal"; line: number; name: string; payload?: unknown }
  | { kind: "advance"; line: number; duration: string; ms: number };

export type EventsFileResult = { ok: true; events: ScriptedEvent[] } | { ok: false; problems: { line: number; message: string }[] };

const text = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim()
  .min(1, "must not be empty");
const person = text.max(200);
const comment = z.string().max(10_000);

/** Rejecting and requesting changes say why, as in the app. */
const requiredComment = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required to ${what}` : "must be a string") })
    .trim()
    .min(1, `is required to ${what}`)
    .max(10_000);

const approvalLine = (decision: "approve" | "reject" | "changes") =>
  z.strictObject({
    [decision]: text.describe("approval node id"),
    by: person,
    comment: decision === "approve" ? comment.optional() : requiredComment(decision === "reject" ? "reject" : "request changes"),
  });

const LINE_SCHEMAS = {
  approve: approvalLine("approve"),
  reject: approvalLine("reject"),
  changes: approvalLine("changes"),
  escalation: z.strictObject({
    escalation: text,
    tier: text,
    resolved: z.boolean({ error: (issue) => (issue.input === undefined ? "is required (true or false)" : "must be true or false") }),
    by: person.optional(),
    text: z.string().max(10_000).optional(),
    confidence: z.number().min(0).max(1).optional(),
  }),
  signal: z.strictObject({ signal: text, payload: z.unknown().optional() }),
  advance: z.strictObject({ advance: DurationSchema }),
} as const;

type Action = keyof typeof LINE_SCHEMAS;
const ACTIONS = Object.keys(LINE_SCHEMAS) as Action[];

/** Zod issues as one readable sentence: `comment: is required to reject; by: ...`. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

function toEvent(action: Action, value: unknown, line: number): ScriptedEvent | string {
  const result = LINE_SCHEMAS[action].safeParse(value);
  if (!result.success) return describeIssues(result.error);
  const data = result.data as Record<string, unknown>;
  switch (action) {
    case "approve":
    case "reject":
    case "changes":
      return {
        kind: "approval",
        line,
        nodeId: data[action] as string,
        decision: action,
        by: data.by as string,
        ...(data.comment !== undefined ? { comment: data.comment as string } : {}),
      };
    case "escalation":
      return {
        kind: "escalation",
        line,
        nodeId: data.escalation as string,
        tier: data.tier as string,
        resolved: data.resolved as boolean,
        by: (data.by as string | undefined) ?? "cli",
        ...(data.text !== undefined ? { text: data.text as string } : {}),
        ...(data.confidence !== undefined ? { confidence: data.confidence as number } : {}),
      };
    case "signal":
      return { kind: "signal", line, name: data.signal as string, ...("payload" in data ? { payload: data.payload } : {}) };
    case "advance":
      return { kind: "advance", line, duration: data.advance as string, ms: durationToMs(data.advance as string) };
  }
}

/**
 * Parses an events file (JSON lines). Blank lines and lines starting with `#` or `//` are skipped.
 * Every problem is reported with its 1-based line number.
 *
 * @example parseEventsFile('{"approve":"review","by":"alice"}\n{"advance":"P3D"}')
 */
export function parseEventsFile(content: string): EventsFileResult {
  const events: ScriptedEvent[] = [];
  const problems: { line: number; message: string }[] = [];
  for (const [index, raw] of content.split(/\r?\n/).entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("//")) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: `expected a JSON object with one of the keys ${ACTIONS.join(", ")}` });
      continue;
    }
    const present = ACTIONS.filter((action) => action in value);
    if (present.length !== 1) {
      const found = present.length === 0 ? "none" : present.join(", ");
      problems.push({ line, message: `expected exactly one of the keys ${ACTIONS.join(", ")} (found ${found})` });
      continue;
    }
    const event = toEvent(present[0]!, value, line);
    if (typeof event === "string") problems.push({ line, message: event });
    else events.push(event);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}
