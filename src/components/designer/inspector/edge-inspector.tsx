"use client";

import { useWorkflowActions, useWorkflowStore } from "../store/store-context";
import type { DraftEdge } from "../types";
import { ExpressionEditor } from "./expression-editor";
import { useKnownFields } from "./use-known-fields";
import { InlineProblems } from "./inline-problems";

/** The selected edge: where it runs, its condition (checked live) and the default ("else") toggle. */
export function EdgeInspector({ edge }: { edge: DraftEdge }) {
  const actions = useWorkflowActions();
  const knownFields = useKnownFields();
  const problems = useWorkflowStore((state) => state.problemIndex.byEdge.get(edge.id));
  const isDefault = edge.default === true;

  return (
    <section className="wf-inspector-body" aria-label={`Edge ${edge.id}`}>
      <header className="wf-inspector-head">
        <div>
          <h2 className="wf-panel-title">Edge</h2>
          <p className="wf-hint">
            <code>{edge.source}</code> · <strong>{edge.sourceHandle}</strong> → <code>{edge.target}</code>
          </p>
        </div>
      </header>
      <InlineProblems problems={problems} of="edge" />
      <div className="wf-field">
        <label htmlFor="wf-edge-default" className="wf-check">
          <input
            id="wf-edge-default"
            type="checkbox"
            className="nodrag"
            checked={isDefault}
            onChange={(event) =>
              actions.updateEdge(edge.id, event.target.checked ? { default: true, condition: undefined } : { default: undefined })
            }
          />
          Default (else)
        </label>
        <small className="wf-field-hint">Taken when no conditional edge of this outcome holds. A default edge has no condition.</small>
      </div>
      <ExpressionEditor
        id="wf-edge-condition"
        label="Condition"
        kind="expression"
        value={edge.condition ?? ""}
        disabled={isDefault}
        onChange={(value) => actions.updateEdge(edge.id, { condition: value === "" ? undefined : value }, `condition:${edge.id}`)}
        knownFields={knownFields}
        description="Taken only when this holds, e.g. input.amount > 1000. Leave empty for an unconditional edge."
      />
      <div className="wf-field">
        <label htmlFor="wf-edge-label">Label</label>
        <input
          id="wf-edge-label"
          className="nodrag"
          value={edge.label ?? ""}
          onChange={(event) => actions.updateEdge(edge.id, { label: event.target.value === "" ? undefined : event.target.value }, `label:${edge.id}`)}
        />
      </div>
      <button type="button" className="button danger small" onClick={() => actions.deleteElement({ edgeId: edge.id })}>
        Delete edge
      </button>
    </section>
  );
}
