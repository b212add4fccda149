"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { DraftGraph } from "../types";
import { createWorkflowStore, type WorkflowActions, type WorkflowState, type WorkflowStore } from "./workflow-store";

/** The designer store of the surrounding editor or canvas; null outside one. */
export const WorkflowStoreContext = createContext<WorkflowStore | null>(null);

/** Provides a store created once from `graph` (later changes of `graph` are ignored; use replaceGraph). */
export function WorkflowStoreProvider({ graph, children }: { graph: DraftGraph; children: ReactNode }) {
  const [store] = useState(() => createWorkflowStore(graph));
  return <WorkflowStoreContext.Provider value={store}>{children}</WorkflowStoreContext.Provider>;
}

/** The store itself, for effects and event handlers that read state without subscribing. */
export function useWorkflowStoreApi(): WorkflowStore {
  const store = useContext(WorkflowStoreContext);
  if (!store) throw new Error("useWorkflowStore must be used inside a WorkflowStoreProvider.");
  return store;
}

/**
 * Reads a slice of the designer state; the component re-renders only when the slice changes.
 *
 * @example const problems = useWorkflowStore((state) => state.problemIndex.byNode.get(id));
 */
export function useWorkflowStore<Slice>(selector: (state: WorkflowState) => Slice): Slice {
  return useStore(useWorkflowStoreApi(), selector);
}

/** The designer's actions (stable; never causes a re-render). */
export function useWorkflowActions(): WorkflowActions {
  return useWorkflowStore((state) => state.actions);
}
