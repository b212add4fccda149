import { compile, validateGraph, type Problem } from "~/engine";
import { readDraft } from "./graph-adapter";
import type { DraftGraph } from "./types";

/** Problems that mean a file is not a workflow graph at all (rather than a draft with mistakes). */
const UNREADABLE: ReadonlySet<Problem["code"]> = new Set([
  "INVALID_JSON",
  "INPUT_TOO_DEEP",
  "STRING_TOO_LONG",
  "FORBIDDEN_KEY",
  "GRAPH_TOO_LARGE",
  "INVALID_GRAPH",
  "INVALID_NODE",
]);

/**
 * Reads an imported file: the graph (a draft may still have problems, which the canvas shows),
 * or why the file cannot be opened at all.
 *
 * @example parseGraphFile("{") // { ok: false, message: "This file is not valid JSON: …" }
 */
export function parseGraphFile(text: string): { ok: true; graph: DraftGraph; problems: Problem[] } | { ok: false; message: string } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { problems } = validateGraph(document);
  const fatal = problems.filter((problem) => UNREADABLE.has(problem.code));
  if (fatal.length > 0) {
    return { ok: false, message: `This file is not a Flowgate workflow: ${fatal.slice(0, 3).map((problem) => problem.message).join(" ")}` };
  }
  const read = readDraft(document);
  if (!read.ok) return { ok: false, message: `This file is not a Flowgate workflow: ${read.reason}` };
  return { ok: true, graph: read.graph, problems };
}

/**
 * The XState machine config of a graph, or why there is none (the graph must be valid).
 */
export function machineConfigOf(graph: DraftGraph): { ok: true; config: unknown } | { ok: false; message: string } {
  const result = validateGraph(graph);
  if (!result.ok) {
    const errors = result.problems.filter((problem) => problem.severity === "error").length;
    return { ok: false, message: `The state machine can be exported once the graph is valid: fix ${errors} problem${errors === 1 ? "" : "s"} first (see Problems).` };
  }
  return { ok: true, config: compile(result.graph).config };
}

/** Offers `value` as a JSON file download. */
export function downloadJson(filename: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

