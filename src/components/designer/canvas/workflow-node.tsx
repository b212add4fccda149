"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo, type CSSProperties } from "react";
import { nodeTypes } from "~/engine";
import { configSummary } from "../node-summary";
import { outcomesOfDraft } from "../node-outcomes";
import { useWorkflowStore } from "../store/store-context";
import type { WorkflowNode } from "../types";
import { NODE_COLORS, NODE_GLYPHS } from "./node-appearance";

/**
 * The card of one workflow node: type, label, key config, problems, and one labelled source handle
 * per outcome (from the engine's `outcomesOf`).
 *
 * @remarks Memoised and subscribed only to its own problems and overlay mark, so a drag or a
 * validation pass re-renders only the nodes it touches.
 */
export const WorkflowNodeView = memo(function WorkflowNodeView({ id, data, selected }: NodeProps<WorkflowNode>) {
  const { node } = data;
  const problems = useWorkflowStore((state) => state.problemIndex.byNode.get(id));
  const unknownHandles = useWorkflowStore((state) => state.problemIndex.unknownHandles.get(id));
  const overlay = useWorkflowStore((state) => state.overlay.nodes?.[id]);
  const outcomes = useMemo(() => outcomesOfDraft(node), [node]);
  const summary = useMemo(() => configSummary(node.type, node.config), [node.type, node.config]);
  const errors = problems?.filter((problem) => problem.severity === "error").length ?? 0;
  const severity = errors > 0 ? "error" : problems ? "warning" : undefined;
  const classes = [
    "wf-node",
    selected && "is-selected",
    severity && `has-${severity}`,
    overlay && `overlay-${overlay}`,
  ].filter(Boolean);
  const title = problems?.map((problem) => problem.message).join("\n");

  return (
    <div
      className={classes.join(" ")}
      data-testid={`node-${id}`}
      data-node-type={node.type}
      style={{ "--wf-type-color": NODE_COLORS[node.type] } as CSSProperties}
      title={title}
    >
      {node.type !== "start" && <Handle type="target" position={Position.Left} className="wf-handle wf-handle-in" />}
      <div className="wf-node-head">
        <span className="wf-node-glyph" aria-hidden="true">
          {NODE_GLYPHS[node.type]}
        </span>
        <span className="wf-node-type">{nodeTypes[node.type].label}</span>
        {problems && (
          <span
            className={`wf-node-badge ${severity ?? ""}`}
            data-testid={`node-problems-${id}`}
            aria-label={`${problems.length} problem${problems.length === 1 ? "" : "s"}`}
          >
            {problems.length}
          </span>
        )}
      </div>
      <div className="wf-node-label">{node.label || id}</div>
      {summary && <div className="wf-node-summary">{summary}</div>}
      {(outcomes.length > 0 || unknownHandles) && (
        <ul className="wf-node-outcomes">
          {outcomes.map((outcome) => (
            <li key={outcome} className="wf-outcome">
              <span>{outcome}</span>
              <Handle type="source" position={Position.Right} id={outcome} className="wf-handle wf-handle-out" />
            </li>
          ))}
          {unknownHandles
            ?.filter((handle) => !outcomes.includes(handle))
            .map((handle) => (
              <li key={handle} className="wf-outcome is-unknown" title={`"${handle}" is not an outcome of this node`}>
                <span>{handle}?</span>
                <Handle type="source" position={Position.Right} id={handle} className="wf-handle wf-handle-out" isConnectable={false} />
              </li>
            ))}
        </ul>
      )}
    </div>
  );
});
