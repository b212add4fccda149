"use client";

import { useMemo } from "react";
import type { KnownFields } from "~/engine";
import { useWorkflowStore } from "../store/store-context";
import type { DraftGraph } from "../types";

/**
 * The names expressions may use in this graph: the start node's input fields and the node ids.
 *
 * @example knownFieldsOf(graph) // { input: ["amount"], steps: ["start", "review", "paid"] }
 */
export function knownFieldsOf(graph: DraftGraph): KnownFields {
  const start = graph.nodes.find((node) => node.type === "start");
  const fields = (start?.config as { inputFields?: unknown } | undefined)?.inputFields;
  const input = Array.isArray(fields)
    ? fields.flatMap((field) => (typeof field === "object" && field !== null && typeof field.name === "string" ? [field.name as string] : []))
    : [];
  return { input, steps: graph.nodes.map((node) => node.id) };
}

/** Known fields of the committed graph, recomputed only when it changes. */
export function useKnownFields(): KnownFields {
  const graph = useWorkflowStore((state) => state.history.present);
  return useMemo(() => knownFieldsOf(graph), [graph]);
}
