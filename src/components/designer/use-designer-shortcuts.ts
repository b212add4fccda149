"use client";

import { useEffect, useRef } from "react";
import { isTyping } from "./shortcuts";
import { useWorkflowStoreApi } from "./store/store-context";

interface ShortcutHandlers {
  autoLayout: () => void;
  fitView: () => void;
  toggleHelp: () => void;
  closeOverlays: () => void;
}

/** Binds the editor's keyboard shortcuts (see SHORTCUTS) while the editor is open. */
export function useDesignerShortcuts(handlers: ShortcutHandlers): void {
  const store = useWorkflowStoreApi();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || (event.target instanceof Element && event.target.closest("[role=dialog]"))) return;
      const { actions } = store.getState();
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (command && key === "z") run(event.shiftKey ? actions.redo : actions.undo);
      else if (command && key === "y") run(actions.redo);
      else if (command && key === "c") run(actions.copySelection);
      else if (command && key === "v") run(actions.paste);
      else if (command && key === "a") run(actions.selectAll);
      else if (command) return;
      else if (event.key === "Delete" || event.key === "Backspace") run(actions.deleteSelection);
      else if (event.key === "?") run(latest.current.toggleHelp);
      else if (event.key === "Escape") run(() => {
        latest.current.closeOverlays();
        actions.select(null);
      });
      else if (event.shiftKey && key === "l") run(latest.current.autoLayout);
      else if (event.shiftKey && key === "f") run(latest.current.fitView);
      else if (!event.shiftKey && key === "g") run(actions.toggleSnapToGrid);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}
