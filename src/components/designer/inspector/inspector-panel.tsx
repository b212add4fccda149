"use client";

import { toDraftEdge } from "../graph-adapter";
import { useWorkflowActions, useWorkflowStore } from "../store/store-context";
import { EdgeInspector } from "./edge-inspector";
import { NodeInspector } from "./node-inspector";

/** Shows the inspector for the one selected node or edge, or what to do when there is none. */
export function InspectorPanel() {
  const actions = useWorkflowActions();
  const selection = useWorkflowStore((state) => state.selection);
  const onlyNode = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
  const onlyEdge = selection.nodeIds.length === 0 && selection.edgeIds.length === 1 ? selection.edgeIds[0] : undefined;
  // The node's data keeps its identity while the node is dragged, so a drag does not re-render the form.
  const node = useWorkflowStore((state) => (onlyNode ? state.nodes.find((candidate) => candidate.id === onlyNode)?.data.node : undefined));
  const edge = useWorkflowStore((state) => (onlyEdge ? state.edges.find((candidate) => candidate.id === onlyEdge) : undefined));

  if (node) return <NodeInspector node={node} />;
  if (edge) return <EdgeInspector edge={toDraftEdge(edge)} />;
  const count = selection.nodeIds.length + selection.edgeIds.length;
  if (count > 1) {
    return (
      <section className="wf-inspector-body wf-inspector-empty" aria-label="Selection">
        <p>
          {selection.nodeIds.length} nodes and {selection.edgeIds.length} edges selected.
        </p>
        <button type="button" className="button danger small" onClick={actions.deleteSelection}>
          Delete selection
        </button>
      </section>
    );
  }
  return (
    <section className="wf-inspector-body wf-inspector-empty" aria-label="Selection">
      <p>Select a node or an edge to configure it.</p>
      <p className="wf-hint">Drag from an outcome on the right of a node to another node to connect them. Press ? for shortcuts.</p>
    </section>
  );
}
