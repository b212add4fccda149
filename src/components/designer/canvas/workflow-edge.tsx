"use client";

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useWorkflowStore } from "../store/store-context";
import type { WorkflowEdge } from "../types";

const LABEL_LIMIT = 36;

/** What an edge's label says: "else" for the default edge, otherwise its condition or label. */
export function edgeCaption(edge: WorkflowEdge["data"]): string | undefined {
  const data = edge?.edge;
  if (!data) return undefined;
  if (data.default) return "else";
  const text = data.condition ?? data.label;
  if (!text) return undefined;
  return text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT - 1)}…` : text;
}

/** An edge drawn as a rounded step line, labelled with its condition, marked with problems and overlay. */
export const WorkflowEdgeView = memo(function WorkflowEdgeView({
  id,
  data,
  selected,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<WorkflowEdge>) {
  const problems = useWorkflowStore((state) => state.problemIndex.byEdge.get(id));
  const overlay = useWorkflowStore((state) => state.overlay.edges?.[id]);
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 16 });
  const caption = edgeCaption(data);
  const severity = problems?.some((problem) => problem.severity === "error") ? "error" : problems ? "warning" : undefined;
  const classes = ["wf-edge", selected && "is-selected", severity && `has-${severity}`, overlay && `overlay-${overlay}`].filter(Boolean).join(" ");
  const title = problems?.map((problem) => problem.message).join("\n") ?? data?.edge.condition;

  return (
    <>
      <BaseEdge id={id} path={path} className={classes} markerEnd={selected ? "url(#wf-arrow-selected)" : "url(#wf-arrow)"} interactionWidth={16} />
      {(caption || problems) && (
        <EdgeLabelRenderer>
          <div
            className={`wf-edge-label ${classes}`}
            data-testid={`edge-label-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={title}
          >
            {caption}
            {problems && <span className="wf-edge-badge">{problems.length}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
