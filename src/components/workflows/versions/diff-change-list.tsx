import type { FieldChange, GraphDiff } from "~/engine/diff/diff-graphs";
import type { Graph, GraphEdge, GraphNode } from "~/engine";
import { FieldChangeList } from "./field-change-list";
import type { DiffMark } from "./diff-overlay";

type Props = { diff: GraphDiff; before: Graph; after: Graph };

/** One added, removed or changed node or edge, with its changed fields (none unless changed). */
type ChangeItem<Item> = { mark: DiffMark; item: Item; fields: FieldChange[] };

const nodeName = (node: GraphNode) => node.label || node.id;

function edgeName(edge: GraphEdge, nodesById: Map<string, GraphNode>): string {
  const name = (id: string) => {
    const node = nodesById.get(id);
    return node ? nodeName(node) : id;
  };
  return `${name(edge.source)} · ${edge.sourceHandle} → ${name(edge.target)}`;
}

function Mark({ mark }: { mark: DiffMark | "moved" }) {
  return <span className={`mark ${mark}`}>{mark}</span>;
}

/** Beside the diff canvas: every change, node by node, with the config fields that changed. */
export function DiffChangeList({ diff, before, after }: Props) {
  const nodesById = new Map([...before.nodes, ...after.nodes].map((node) => [node.id, node]));
  const nodeItems: ChangeItem<GraphNode>[] = [
    ...diff.nodes.added.map((node) => ({ mark: "added" as const, item: node, fields: [] })),
    ...diff.nodes.removed.map((node) => ({ mark: "removed" as const, item: node, fields: [] })),
    ...diff.nodes.changed.map((change) => ({ mark: "changed" as const, item: change.node, fields: change.fields })),
  ];
  const edgeItems: ChangeItem<GraphEdge>[] = [
    ...diff.edges.added.map((edge) => ({ mark: "added" as const, item: edge, fields: [] })),
    ...diff.edges.removed.map((edge) => ({ mark: "removed" as const, item: edge, fields: [] })),
    ...diff.edges.changed.map((change) => ({ mark: "changed" as const, item: change.edge, fields: change.fields })),
  ];

  return (
    <div className="diff-changes" aria-label="Changes">
      {diff.document.length > 0 && (
        <section className="change-group">
          <h3>Workflow</h3>
          <div className="change-item" data-testid="diff-document">
            <FieldChangeList fields={diff.document} />
          </div>
        </section>
      )}
      {nodeItems.length > 0 && (
        <section className="change-group">
          <h3>Steps</h3>
          {nodeItems.map(({ mark, item: node, fields }) => (
            <div
              key={`${mark}-${node.id}`}
              id={`change-node-${node.id}`}
              className="change-item"
              data-testid={`diff-node-${node.id}`}
              data-mark={mark}
            >
              <div className="title">
                <strong>{nodeName(node)}</strong>
                <Mark mark={mark} />
              </div>
              <span className="kind">
                {node.type} · {node.id}
              </span>
              {fields.length > 0 && <FieldChangeList fields={fields} />}
            </div>
          ))}
        </section>
      )}
      {edgeItems.length > 0 && (
        <section className="change-group">
          <h3>Connections</h3>
          {edgeItems.map(({ mark, item: edge, fields }) => (
            <div key={`${mark}-${edge.id}`} className="change-item" data-testid={`diff-edge-${edge.id}`} data-mark={mark}>
              <div className="title">
                <strong>{edgeName(edge, nodesById)}</strong>
                <Mark mark={mark} />
              </div>
              {fields.length > 0 && <FieldChangeList fields={fields} />}
            </div>
          ))}
        </section>
      )}
      {diff.nodes.moved.length > 0 && (
        <section className="change-group">
          <h3>Moved on the canvas</h3>
          {diff.nodes.moved.map((move) => {
            const node = nodesById.get(move.id);
            return (
              <div key={move.id} className="change-item moved" data-testid={`diff-moved-${move.id}`}>
                <div className="title">
                  <span>{node ? nodeName(node) : move.id}</span>
                  <Mark mark="moved" />
                </div>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
