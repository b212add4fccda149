import { z } from "zod";

import { ExpressionSchema, IdSchema, LabelSchema } from "./common";
import { GRAPH_LIMITS } from "./limits";
import type { NodeTypeDefinition } from "./node-type";
import { NODE_TYPES, nodeTypes, type NodeType } from "./node-types";

/** Fields every node has, whatever its type. */
export const NodeBaseSchema = z.object({
  id: IdSchema,
  label: LabelSchema.default(""),
  description: z.string().max(2000).optional().meta({ title: "Description" }),
  position: z
    .object({ x: z.number().finite(), y: z.number().finite() })
    .default({ x: 0, y: 0 })
    .meta({ title: "Canvas position" }),
});

function nodeSchemaOf<Type extends NodeType, Schema extends z.ZodType>(definition: NodeTypeDefinition<Type, Schema>) {
  return NodeBaseSchema.extend({ type: z.literal(definition.type), config: definition.configSchema });
}

/** A node: id, type, label, position and the typed config of its type. */
export const NodeSchema = z
  .discriminatedUnion("type", [
    nodeSchemaOf(nodeTypes.start),
    nodeSchemaOf(nodeTypes.end),
    nodeSchemaOf(nodeTypes.task),
    nodeSchemaOf(nodeTypes.llm),
    nodeSchemaOf(nodeTypes.decision),
    nodeSchemaOf(nodeTypes.approval),
    nodeSchemaOf(nodeTypes.guardrail),
    nodeSchemaOf(nodeTypes.escalation),
    nodeSchemaOf(nodeTypes.parallel),
    nodeSchemaOf(nodeTypes.join),
    nodeSchemaOf(nodeTypes.wait),
  ])
  .meta({ title: "Node" });

/** An edge: from a node's outcome handle to another node, optionally conditional or the default. */
export const EdgeSchema = z
  .object({
    id: IdSchema,
    source: IdSchema.meta({ title: "From node" }),
    sourceHandle: z.string().min(1).max(64).meta({ title: "Outcome", description: "Handle (outcome) of the source node." }),
    target: IdSchema.meta({ title: "To node" }),
    condition: ExpressionSchema.optional().meta({ title: "Condition", description: "Taken only when this holds." }),
    default: z.boolean().default(false).meta({ title: "Default", description: "Taken when no conditional edge of the handle holds." }),
    label: LabelSchema.optional(),
  })
  .refine((edge) => !(edge.default && edge.condition !== undefined), {
    path: ["condition"],
    message: "A default edge cannot have a condition.",
  })
  .meta({ title: "Edge" });

/** Free-form graph metadata (owner, tags, …). */
export const GraphMetadataSchema = z.record(z.string(), z.unknown()).default({}).meta({ title: "Metadata" });

/** Builds a graph schema around given node and edge schemas (the strict ones, or the validator's envelope). */
export function graphSchemaWith<Node extends z.ZodType, Edge extends z.ZodType>(node: Node, edge: Edge) {
  return z.object({
    schemaVersion: z.literal(1).meta({ title: "Graph format version" }),
    id: IdSchema.meta({ title: "Workflow id" }),
    name: z.string().min(1).max(200).meta({ title: "Name" }),
    description: z.string().max(5000).optional().meta({ title: "Description" }),
    metadata: GraphMetadataSchema,
    nodes: z.array(node).max(GRAPH_LIMITS.maxNodes).meta({ title: "Nodes" }),
    edges: z.array(edge).max(GRAPH_LIMITS.maxEdges).meta({ title: "Edges" }),
  });
}

/** The workflow graph format (version 1). */
export const GraphSchema = graphSchemaWith(NodeSchema, EdgeSchema).meta({
  title: "Flowgate workflow graph",
  description: "Nodes, edges and metadata of one workflow; see docs/graph-format.md.",
});

/** Node with its config unparsed: what the validator reads before checking configs one by one. */
export const LooseNodeSchema = NodeBaseSchema.extend({ type: z.enum(NODE_TYPES), config: z.unknown() });

/** The graph with nodes and edges left unparsed, so each can be checked (and reported) on its own. */
export const GraphEnvelopeSchema = graphSchemaWith(z.unknown(), z.unknown());

export type Graph = z.output<typeof GraphSchema>;
/** A graph as written (defaults not yet applied). */
export type GraphInput = z.input<typeof GraphSchema>;
export type GraphNode = Graph["nodes"][number];
export type GraphEdge = Graph["edges"][number];
export type LooseNode = z.output<typeof LooseNodeSchema>;
/** A node of one type, with its config typed. */
export type NodeOf<Type extends NodeType> = Extract<GraphNode, { type: Type }>;
