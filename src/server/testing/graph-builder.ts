import { validateGraph, type Graph } from "~/engine";

type NodeSpec = { id: string; type: string; config?: Record<string, unknown> };
type EdgeSpec = [source: string, handle: string, target: string, condition?: string];

/**
 * A graph for tests, written compactly: nodes with their config, edges as
 * `[source, handle, target, condition?]`. Validated, so a test never runs an invalid graph.
 */
export function buildGraph(id: string, nodes: NodeSpec[], edges: EdgeSpec[]): Graph {
  const document = {
    schemaVersion: 1,
    id,
    name: id,
    metadata: {},
    nodes: nodes.map((node, index) => ({ label: node.id, position: { x: index * 200, y: 0 }, config: {}, ...node })),
    edges: edges.map(([source, sourceHandle, target, condition], index) => ({
      id: `e${index}`,
      source,
      sourceHandle,
      target,
      ...(condition ? { condition } : {}),
    })),
  };
  const result = validateGraph(document);
  if (!result.ok) throw new Error(`test graph ${id} is invalid: ${JSON.stringify(result.problems, null, 2)}`);
  return result.graph;
}
