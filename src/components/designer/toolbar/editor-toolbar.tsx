"use client";

import Link from "next/link";
import { useRef, type ReactNode } from "react";
import { useWorkflowActions, useWorkflowStore } from "../store/store-context";
import { SAVE_STATUS_TEXT, type SaveStatus } from "../use-autosave";

interface EditorToolbarProps {
  name: string;
  saveStatus: SaveStatus;
  onAutoLayout: () => void;
  /** Auto-layout is running. */
  layingOut: boolean;
  onFitView: () => void;
  onImport: (file: File) => void;
  onExportJson: () => void;
  onExportMachine: () => void;
  onShowHelp: () => void;
  onPublish: () => void;
  /** Extra controls from the page (e.g. the run engineer's "Run" button), shown before Publish. */
  extras?: ReactNode;
}

/** The editor's toolbar: name and save status, history, layout and view, files, extras, publish. */
export function EditorToolbar(props: EditorToolbarProps) {
  const actions = useWorkflowActions();
  const canUndo = useWorkflowStore((state) => state.history.past.length > 0);
  const canRedo = useWorkflowStore((state) => state.history.future.length > 0);
  const snapToGrid = useWorkflowStore((state) => state.snapToGrid);
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const closeMenu = () => menu.current?.removeAttribute("open");

  return (
    <div className="wf-toolbar" role="toolbar" aria-label="Editor">
      <div className="wf-toolbar-title">
        <Link href="/workflows" className="wf-back" aria-label="Back to workflows">
          ←
        </Link>
        <h1>{props.name}</h1>
        <span className={`wf-save-status is-${props.saveStatus}`} role="status" data-testid="save-status">
          {SAVE_STATUS_TEXT[props.saveStatus]}
        </span>
      </div>
      <div className="wf-toolbar-group">
        <button type="button" className="wf-tool" onClick={actions.undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl/⌘ Z)">
          ↶
        </button>
        <button type="button" className="wf-tool" onClick={actions.redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl/⌘ Shift Z)">
          ↷
        </button>
      </div>
      <div className="wf-toolbar-group">
        <button type="button" className="wf-tool text" onClick={props.onAutoLayout} disabled={props.layingOut} title="Auto-layout (Shift L)">
          {props.layingOut ? "Laying out…" : "Auto-layout"}
        </button>
        <button type="button" className="wf-tool text" onClick={props.onFitView} title="Fit view (Shift F)">
          Fit view
        </button>
        <button
          type="button"
          className="wf-tool text"
          aria-pressed={snapToGrid}
          onClick={actions.toggleSnapToGrid}
          title="Snap to the 16 px grid (G)"
        >
          Snap to grid
        </button>
      </div>
      <details className="wf-menu" ref={menu}>
        <summary className="wf-tool text">File</summary>
        <div className="wf-menu-items" role="menu">
          <button type="button" role="menuitem" onClick={() => fileInput.current?.click()}>
            Import JSON…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              closeMenu();
              props.onExportJson();
            }}
          >
            Export JSON
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              closeMenu();
              props.onExportMachine();
            }}
          >
            Export XState machine
          </button>
        </div>
      </details>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        className="wf-hidden"
        aria-label="Import graph JSON file"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          closeMenu();
          if (file) props.onImport(file);
        }}
      />
      <button type="button" className="wf-tool" onClick={props.onShowHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      <div className="wf-toolbar-end">
        {props.extras}
        <button type="button" className="button" onClick={props.onPublish}>
          Publish
        </button>
      </div>
    </div>
  );
}
