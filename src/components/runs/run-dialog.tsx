"use client";

import "./runs.css";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { initialValues, inputFieldsOf, parseRunInput, type FormValues } from "./run-input";
import { RunInputFields } from "./run-input-fields";

type Props = {
  /** The workflow to run; without it the dialog first asks which one. */
  workflowId?: string;
  onClose: () => void;
  onStarted: (runId: string) => void;
};

/** "draft", or a published version's id. */
type Source = string;

function newIdempotencyKey(): string {
  return `ui:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
}

/**
 * Starts a run: of a published version or of the draft (a test run), optionally in shadow mode,
 * with a form generated from the start node's input fields. One submit starts at most one run
 * (the dialog sends one idempotency key).
 */
export function RunDialog({ workflowId: fixedWorkflowId, onClose, onStarted }: Props) {
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosenWorkflowId, setChosenWorkflowId] = useState("");
  const workflowId = fixedWorkflowId ?? chosenWorkflowId;
  const workflows = useQuery({ ...trpc.workflow.list.queryOptions(), enabled: !fixedWorkflowId });
  const workflow = useQuery({ ...trpc.workflow.get.queryOptions({ workflowId }), enabled: Boolean(workflowId) });
  const [source, setSource] = useState<Source | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shadow, setShadow] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const start = useMutation(trpc.run.start.mutationOptions({ onSuccess: (result) => onStarted(result.runId) }));

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const data = workflow.data;
  const draftHasErrors = data?.problems.some((problem) => problem.severity === "error") ?? false;
  const chosenSource = source ?? data?.versions[0]?.id ?? "draft";
  // The form asks for the input fields of what will run: the draft, or the chosen version.
  const version = useQuery({ ...trpc.workflow.version.queryOptions({ versionId: chosenSource }), enabled: chosenSource !== "draft" });
  const graph = chosenSource === "draft" ? data?.draft : version.data?.graph;
  const fields = inputFieldsOf(graph as { nodes: { type: string; config?: unknown }[] } | undefined);
  const formValues = values ?? initialValues(fields);

  const chooseSource = (next: Source | null) => {
    setSource(next);
    setValues(null);
    setErrors({});
  };

  const chooseWorkflow = (id: string) => {
    setChosenWorkflowId(id);
    chooseSource(null);
  };

  const submit = () => {
    const parsed = parseRunInput(fields, formValues);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length > 0 || !workflowId) return;
    const target = chosenSource === "draft" ? { draft: true } : { versionId: chosenSource };
    start.mutate({ workflowId, ...target, input: parsed.input, shadow, idempotencyKey: `${idempotencyKey}:${chosenSource}:${shadow}` });
  };

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby="run-dialog-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <header>
          <h2 id="run-dialog-title">Run {data?.name ?? "a workflow"}</h2>
          <button type="button" className="run-dialog-close" aria-label="Close" onClick={() => dialog.current?.close()}>
            ×
          </button>
        </header>

        {!fixedWorkflowId && (
          <label>
            Workflow
            <select value={chosenWorkflowId} onChange={(event) => chooseWorkflow(event.target.value)}>
              <option value="">Choose a workflow…</option>
              {workflows.data?.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}

        {workflow.error && (
          <p className="alert" role="alert">
            {workflow.error.message}
          </p>
        )}
        {workflowId && !data && !workflow.error && <p className="muted">Loading the workflow…</p>}

        {data && (
          <>
            <fieldset className="run-source">
              <legend>What to run</legend>
              {data.versions.length > 0 && (
                <label className="run-radio">
                  <input type="radio" name="source" checked={chosenSource !== "draft"} onChange={() => chooseSource(data.versions[0]!.id)} />
                  Published version
                  <select
                    aria-label="Version"
                    value={chosenSource === "draft" ? (data.versions[0]?.id ?? "") : chosenSource}
                    onChange={(event) => chooseSource(event.target.value)}
                  >
                    {data.versions.map((version) => (
                      <option key={version.id} value={version.id}>
                        Version {version.version}
                        {version.note ? `: ${version.note}` : ""}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="run-radio">
                <input type="radio" name="source" checked={chosenSource === "draft"} onChange={() => chooseSource("draft")} />
                Draft (test run)
                {draftHasErrors && <span className="field-error">The draft has errors; fix them before a test run.</span>}
              </label>
              {data.versions.length === 0 && <span className="run-note">No version is published yet.</span>}
            </fieldset>

            <fieldset>
              <legend>Input</legend>
              <RunInputFields
                fields={fields}
                values={formValues}
                errors={errors}
                onChange={(name, value) => setValues({ ...formValues, [name]: value })}
              />
            </fieldset>

            <label className="run-switch">
              <input type="checkbox" role="switch" checked={shadow} onChange={(event) => setShadow(event.target.checked)} />
              <span>
                Shadow mode
                <span className="run-note">Records what the run would do; connectors with side effects are not called.</span>
              </span>
            </label>
          </>
        )}

        {start.error && (
          <p className="alert" role="alert">
            {start.error.message}
          </p>
        )}
        <footer>
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={!data || start.isPending || (chosenSource === "draft" && draftHasErrors)}>
            {start.isPending ? "Starting…" : "Start run"}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
