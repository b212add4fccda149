"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useWorkflowStoreApi } from "../store/store-context";
import type { CanvasTarget } from "../types";

const FALLBACK_SIZE = { width: 240, height: 110 };

/**
 * Returns a function that selects a node or edge and centres the viewport on it (problems list,
 * inspector links).
 */
export function useCanvasFocus(): (target: CanvasTarget) => void {
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  const store = useWorkflowStoreApi();
  return useCallback(
    (target: CanvasTarget) => {
      const { actions, edges } = store.getState();
      actions.select(target);
      const centreOf = (nodeId: string) => {
        const node = getInternalNode(nodeId);
        if (!node) return undefined;
        const { x, y } = node.internals.positionAbsolute;
        return {
          x: x + (node.measured.width ?? FALLBACK_SIZE.width) / 2,
          y: y + (node.measured.height ?? FALLBACK_SIZE.height) / 2,
        };
      };
      let point: { x: number; y: number } | undefined;
      if ("nodeId" in target) {
        point = centreOf(target.nodeId);
      } else {
        const edge = edges.find((candidate) => candidate.id === target.edgeId);
        const source = edge && centreOf(edge.source);
        const target_ = edge && centreOf(edge.target);
        point = source && target_ ? { x: (source.x + target_.x) / 2, y: (source.y + target_.y) / 2 } : (source ?? target_);
      }
      if (point) void setCenter(point.x, point.y, { zoom: Math.max(getZoom(), 0.9), duration: 250 });
    },
    [store, getInternalNode, setCenter, getZoom],
  );
}
