import type { z } from "zod";

import { nodeTypes, type NodeType } from "../graph/node-types";
import { EdgeSchema, GraphEnvelopeSchema, LooseNodeSchema, type GraphEdge, type LooseNode } from "../graph/schema";
import { problem, type Problem } from "./problem";
import { problemsFromIssues } from "./zod-issues";

/** A node whose shape is valid; `configOk` says whether its config parsed (then `config` is the parsed value). */
export interface ParsedNode {
  id: string;
  type: NodeType;
  config: unknown;
  /** Position in the document's `nodes` array. */
  index: number;
  configOk: boolean;
  /** The node as parsed, holding the same `config`: what a valid graph's `nodes` are made of. */
  node: LooseNode;
}

/** The document split into its header, the nodes and edges that parsed, and the problems found. */
export interface ParsedDocument {
  header?: Omit<z.output<typeof GraphEnvelopeSchema>, "nodes" | "edges">;
  nodes: ParsedNode[];
  edges: GraphEdge[];
  problems: Problem[];
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" ? id.slice(0, 64) : undefined;
}

/**
 * Parses the graph header, then every node, node config and edge on its own, so one bad node
 * does not hide the problems of the others.
 */
export function parseDocument(document: unknown): ParsedDocument {
  const envelope = GraphEnvelopeSchema.safeParse(document);
  if (!envelope.success) {
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
      return { nodes: [], edges: [], problems: [problem("INVALID_GRAPH", "A workflow graph must be a JSON object with nodes and edges.")] };
    }
    return { nodes: [], edges: [], problems: problemsFromIssues(envelope.error.issues, "INVALID_GRAPH", []) };
  }
  const { nodes: rawNodes, edges: rawEdges, ...header } = envelope.data;
  const problems: Problem[] = [];
  const nodes: ParsedNode[] = [];
  rawNodes.forEach((raw, index) => {
    const shape = LooseNodeSchema.safeParse(raw);
    if (!shape.success) {
      problems.push(...problemsFromIssues(shape.error.issues, "INVALID_NODE", ["nodes", index], { nodeId: idOf(raw) }));
      return;
    }
    const node = shape.data;
    const config = nodeTypes[node.type].configSchema.safeParse(node.config ?? {});
    if (config.success) node.config = config.data;
    else problems.push(...problemsFromIssues(config.error.issues, "INVALID_NODE_CONFIG", ["nodes", index, "config"], { nodeId: idOf(raw) }));
    nodes.push({ id: node.id, type: node.type, config: node.config, index, configOk: config.success, node });
  });
  const edges: GraphEdge[] = [];
  rawEdges.forEach((raw, index) => {
    const edge = EdgeSchema.safeParse(raw);
    if (edge.success) edges.push(edge.data);
    else problems.push(...problemsFromIssues(edge.error.issues, "INVALID_EDGE", ["edges", index], { edgeId: idOf(raw) }));
  });
  return { header, nodes, edges, problems };
}
