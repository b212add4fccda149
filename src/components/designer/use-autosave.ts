"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useWorkflowStoreApi } from "./store/store-context";
import type { DraftGraph } from "./types";

/** Quiet time after the last change before the draft is saved. */
export const AUTOSAVE_DEBOUNCE_MS = 1000;

/** Where the draft stands against the server. */
export type SaveStatus = "saved" | "saving" | "unsaved" | "conflict" | "error";

export const SAVE_STATUS_TEXT: Record<SaveStatus, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  conflict: "Conflict",
  error: "Not saved",
};

interface Autosave {
  status: SaveStatus;
  /** The server's message for a conflict or a failed save. */
  message: string | null;
  /** Saves now if anything is unsaved; resolves true when the server has the current graph. */
  flush: () => Promise<boolean>;
  /** Starts over from a graph the server has at `revision` (after a reload). */
  reset: (graph: DraftGraph, revision: number) => void;
  /** The draft revision the next save expects. */
  revision: () => number;
}

function errorCode(error: unknown): string | undefined {
  return (error as { data?: { code?: string } } | null)?.data?.code;
}

/**
 * Saves the committed graph about a second after it changes, with the revision it started from,
 * so a save never silently overwrites someone else's: the server answers CONFLICT, and saving
 * stops until the designer reloads or forks.
 */
export function useAutosave(workflowId: string, initialRevision: number): Autosave {
  const store = useWorkflowStoreApi();
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.workflow.saveDraft.mutationOptions());
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const state = useRef({
    revision: initialRevision,
    saved: store.getState().history.present,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    inflight: null as Promise<void> | null,
    conflict: false,
  });

  const saveNow = useCallback(async (): Promise<boolean> => {
    const current = state.current;
    clearTimeout(current.timer);
    while (current.inflight) await current.inflight;
    // Changes made while a save is in flight are saved right after it.
    for (;;) {
      if (current.conflict) return false;
      const graph = store.getState().history.present;
      if (graph === current.saved) {
        setStatus("saved");
        return true;
      }
      setStatus("saving");
      let ok = false;
      current.inflight = (async () => {
        try {
          const result = await mutateAsync({ workflowId, graph, expectedRevision: current.revision });
          current.revision = result.revision;
          current.saved = graph;
          setMessage(null);
          ok = true;
        } catch (error) {
          current.conflict = errorCode(error) === "CONFLICT";
          setMessage(error instanceof Error ? error.message : String(error));
          setStatus(current.conflict ? "conflict" : "error");
        }
      })();
      await current.inflight;
      current.inflight = null;
      if (!ok) return false;
    }
  }, [store, mutateAsync, workflowId]);

  useEffect(() => {
    const current = state.current;
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.history.present === previous.history.present || current.conflict) return;
      const unsaved = next.history.present !== current.saved;
      if (!current.inflight) setStatus(unsaved ? "unsaved" : "saved");
      clearTimeout(current.timer);
      if (unsaved) current.timer = setTimeout(() => void saveNow(), AUTOSAVE_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(current.timer);
      unsubscribe();
    };
  }, [store, saveNow]);

  useEffect(() => {
    if (status !== "unsaved" && status !== "saving" && status !== "conflict") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  const reset = useCallback((graph: DraftGraph, revision: number) => {
    clearTimeout(state.current.timer);
    Object.assign(state.current, { revision, saved: graph, conflict: false });
    setStatus("saved");
    setMessage(null);
  }, []);

  const revision = useCallback(() => state.current.revision, []);

  return { status, message, flush: saveNow, reset, revision };
}
