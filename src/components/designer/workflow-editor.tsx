"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useCallback, useState, type ReactNode } from "react";
import { useTRPC } from "~/trpc/react";
import { layoutGraph } from "./auto-layout";
import { WorkflowCanvas } from "./canvas/workflow-canvas";
import { readDraft } from "./graph-adapter";
import { downloadJson, machineConfigOf, parseGraphFile } from "./graph-files";
import { InspectorPanel } from "./inspector/inspector-panel";
import { Palette } from "./palette";
import { ConflictBanner } from "./panels/conflict-banner";
import { ProblemsPanel } from "./panels/problems-panel";
import { PublishDialog } from "./panels/publish-dialog";
import { ShortcutsHelp } from "./panels/shortcuts-help";
import { VersionsPanel, type WorkflowVersionSummary } from "./panels/versions-panel";
import { useWorkflowStoreApi, WorkflowStoreProvider } from "./store/store-context";
import { EditorToolbar } from "./toolbar/editor-toolbar";
import type { DraftGraph } from "./types";
import { useAutosave } from "./use-autosave";
import { useDesignerShortcuts } from "./use-designer-shortcuts";
import { useLiveValidation } from "./use-live-validation";

export type { WorkflowVersionSummary } from "./panels/versions-panel";

export interface WorkflowEditorProps {
  workflowId: string;
  /** Display names of users by id (version authors). */
  authors: Readonly<Record<string, string>>;
  /** Extra toolbar controls, shown before Publish (e.g. a "Run" button). */
  toolbarExtras?: ReactNode;
  /** Actions per published version in the versions panel (e.g. "Compare", "Roll back"). */
  renderVersionActions?: (version: WorkflowVersionSummary) => ReactNode;
}

interface LoadedWorkflow {
  id: string;
  name: string;
  draftRevision: number;
  versions: WorkflowVersionSummary[];
}

type Notice = { kind: "ok" | "error"; text: string };

const FIT_OPTIONS = { padding: 0.15, duration: 300, maxZoom: 1.2 };

function fileName(graph: DraftGraph, suffix: string): string {
  return `${typeof graph.id === "string" ? graph.id : "workflow"}${suffix}`;
}

function EditorLayout({ workflow, authors, toolbarExtras, renderVersionActions }: Omit<WorkflowEditorProps, "workflowId"> & { workflow: LoadedWorkflow }) {
  useLiveValidation();
  const store = useWorkflowStoreApi();
  const autosave = useAutosave(workflow.id, workflow.draftRevision);
  const { fitView } = useReactFlow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const publish = useMutation(trpc.workflow.publish.mutationOptions());
  const create = useMutation(trpc.workflow.create.mutationOptions());
  const [help, setHelp] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [tab, setTab] = useState<"inspector" | "versions">("inspector");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [resolving, setResolving] = useState(false);
  const workflowQuery = trpc.workflow.get.queryOptions({ workflowId: workflow.id });

  const fit = useCallback(() => void fitView(FIT_OPTIONS), [fitView]);

  const [layingOut, setLayingOut] = useState(false);
  const autoLayout = useCallback(async () => {
    setLayingOut(true);
    // Let the button show "Laying out…" before ELK occupies the thread.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    try {
      const { nodes, edges, actions } = store.getState();
      actions.applyPositions(await layoutGraph(nodes, edges));
      // Fit once React Flow has taken the new positions in.
      setTimeout(fit, 50);
    } catch (error) {
      setNotice({ kind: "error", text: `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setLayingOut(false);
    }
  }, [store, fit]);

  useDesignerShortcuts({
    autoLayout: () => void autoLayout(),
    fitView: fit,
    toggleHelp: () => setHelp((open) => !open),
    closeOverlays: () => setHelp(false),
  });

  const reload = async () => {
    setResolving(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...workflowQuery, staleTime: 0 });
      const read = readDraft(fresh.draft);
      if (!read.ok) throw new Error(read.reason);
      store.getState().actions.replaceGraph(read.graph, { record: false });
      autosave.reset(store.getState().history.present, fresh.draftRevision);
      setNotice({ kind: "ok", text: "Reloaded the saved draft." });
      requestAnimationFrame(fit);
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setResolving(false);
    }
  };

  const fork = async () => {
    setResolving(true);
    try {
      const created = await create.mutateAsync({ name: `${workflow.name} (fork)`, graph: store.getState().history.present });
      await queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });
      autosave.reset(store.getState().history.present, workflow.draftRevision);
      router.push(`/workflows/${created.id}`);
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof Error ? error.message : String(error) });
      setResolving(false);
    }
  };

  const onPublish = async (note: string) => {
    if (!(await autosave.flush())) throw new Error("The draft could not be saved, so it was not published.");
    const version = await publish.mutateAsync({ workflowId: workflow.id, note, expectedRevision: autosave.revision() });
    await queryClient.invalidateQueries({ queryKey: workflowQuery.queryKey });
    setNotice({ kind: "ok", text: `Published version ${version.version}.` });
    setTab("versions");
  };

  const onImport = async (file: File) => {
    const parsed = parseGraphFile(await file.text());
    if (!parsed.ok) {
      setNotice({ kind: "error", text: parsed.message });
      return;
    }
    store.getState().actions.replaceGraph(parsed.graph, { record: true });
    const errors = parsed.problems.filter((problem) => problem.severity === "error").length;
    setNotice({
      kind: "ok",
      text: `Imported ${parsed.graph.nodes.length} nodes from ${file.name}${errors > 0 ? ` (${errors} problem${errors === 1 ? "" : "s"} to fix)` : ""}. Undo brings the previous graph back.`,
    });
    requestAnimationFrame(fit);
  };

  const onExportMachine = () => {
    const graph = store.getState().history.present;
    const machine = machineConfigOf(graph);
    if (machine.ok) downloadJson(fileName(graph, ".machine.json"), machine.config);
    else setNotice({ kind: "error", text: machine.message });
  };

  return (
    <div className="wf-editor">
      <EditorToolbar
        name={workflow.name}
        saveStatus={autosave.status}
        onAutoLayout={() => void autoLayout()}
        layingOut={layingOut}
        onFitView={fit}
        onImport={(file) => void onImport(file)}
        onExportJson={() => {
          const graph = store.getState().history.present;
          downloadJson(fileName(graph, ".json"), graph);
        }}
        onExportMachine={onExportMachine}
        onShowHelp={() => setHelp(true)}
        onPublish={() => setPublishing(true)}
        extras={toolbarExtras}
      />
      {autosave.status === "conflict" && (
        <ConflictBanner message={autosave.message} busy={resolving} onReload={() => void reload()} onFork={() => void fork()} />
      )}
      {autosave.status === "error" && autosave.message && (
        <p className="alert wf-strip" role="alert">
          The draft could not be saved: {autosave.message}
        </p>
      )}
      {notice && (
        <div className={`wf-strip ${notice.kind === "ok" ? "notice" : "alert"}`} role={notice.kind === "ok" ? "status" : "alert"} data-testid="editor-notice">
          <span>{notice.text}</span>
          <button type="button" className="wf-icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="wf-body">
        <Palette />
        <div className="wf-center">
          <WorkflowCanvas />
          <ProblemsPanel />
        </div>
        <aside className="wf-side" aria-label="Details">
          <div className="wf-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === "inspector"} onClick={() => setTab("inspector")}>
              Inspector
            </button>
            <button type="button" role="tab" aria-selected={tab === "versions"} onClick={() => setTab("versions")}>
              Versions ({workflow.versions.length})
            </button>
          </div>
          <div className="wf-side-scroll">
            {tab === "inspector" ? (
              <InspectorPanel />
            ) : (
              <VersionsPanel versions={workflow.versions} authors={authors} renderVersionActions={renderVersionActions} />
            )}
          </div>
        </aside>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {publishing && <PublishDialog onClose={() => setPublishing(false)} onPublish={onPublish} />}
    </div>
  );
}

/**
 * The workflow designer at /workflows/[id]: palette, canvas, inspector, problems, versions,
 * autosave with conflict detection, import/export and publish.
 *
 * @example <WorkflowEditor workflowId={id} authors={names} toolbarExtras={<RunButton />} renderVersionActions={(v) => <Compare version={v} />} />
 */
export function WorkflowEditor({ workflowId, ...props }: WorkflowEditorProps) {
  const trpc = useTRPC();
  const workflow = useQuery(trpc.workflow.get.queryOptions({ workflowId }, { refetchOnWindowFocus: false }));
  if (workflow.isPending) return <p className="muted">Loading the workflow…</p>;
  if (workflow.error) {
    return (
      <p className="alert" role="alert">
        {workflow.error.message}
      </p>
    );
  }
  const read = readDraft(workflow.data.draft);
  if (!read.ok) {
    return (
      <p className="alert" role="alert">
        The saved draft cannot be opened: {read.reason}
      </p>
    );
  }
  return (
    <WorkflowStoreProvider key={workflowId} graph={read.graph}>
      <ReactFlowProvider>
        <EditorLayout workflow={workflow.data} {...props} />
      </ReactFlowProvider>
    </WorkflowStoreProvider>
  );
}
