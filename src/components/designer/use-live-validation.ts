"use client";

import { useEffect } from "react";
import { validateGraph } from "~/engine";
import { useWorkflowStoreApi } from "./store/store-context";

/** Quiet time after the last change before the graph is validated again. */
export const VALIDATION_DEBOUNCE_MS = 150;

/**
 * Validates the committed graph with the engine after every change (debounced, never during a
 * drag frame) and puts the problems into the store, where nodes, edges and the problems list read them.
 */
export function useLiveValidation(): void {
  const store = useWorkflowStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const state = store.getState();
      state.actions.setProblems(validateGraph(state.history.present).problems);
    };
    // The first pass, too, waits until the canvas has painted.
    timer = setTimeout(run, VALIDATION_DEBOUNCE_MS);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.history.present === previous.history.present) return;
      clearTimeout(timer);
      timer = setTimeout(run, VALIDATION_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
