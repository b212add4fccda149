"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import type { DragEvent } from "react";
import { NODE_TYPES, nodeTypes, type NodeType } from "~/engine";
import { NODE_COLORS, NODE_GLYPHS } from "./canvas/node-appearance";
import { NODE_DRAG_TYPE } from "./canvas/workflow-canvas";
import { useWorkflowActions } from "./store/store-context";

/** Half a new node's size, so a node added by click is centred on the viewport. */
const HALF_NODE = { x: 110, y: 40 };

/**
 * Every node type, to drag onto the canvas (HTML5 drag and drop) or to click, which adds the node
 * at the centre of the viewport.
 */
export function Palette() {
  const actions = useWorkflowActions();
  const flow = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = (type: NodeType) => {
    const rect = flow.getState().domNode?.getBoundingClientRect();
    if (!rect) return;
    const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    actions.addNode(type, { x: Math.round(centre.x - HALF_NODE.x), y: Math.round(centre.y - HALF_NODE.y) });
  };

  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = "copy";
  };

  return (
    <aside className="wf-palette" aria-label="Node palette">
      <h2 className="wf-panel-title">Nodes</h2>
      <p className="wf-hint">Drag onto the canvas, or click to add.</p>
      <ul>
        {NODE_TYPES.map((type) => (
          <li key={type}>
            <button
              type="button"
              className="wf-palette-item"
              draggable
              onDragStart={(event) => onDragStart(event, type)}
              onClick={() => addAtCentre(type)}
              aria-label={`Add ${nodeTypes[type].label}`}
              title={nodeTypes[type].description}
              data-testid={`palette-${type}`}
            >
              <span className="wf-palette-glyph" style={{ color: NODE_COLORS[type] }} aria-hidden="true">
                {NODE_GLYPHS[type]}
              </span>
              <span className="wf-palette-text">
                <strong>{nodeTypes[type].label}</strong>
                <small>{nodeTypes[type].description}</small>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
