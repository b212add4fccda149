"use client";

import { useMemo, useState } from "react";
import { nodeTypes } from "~/engine";
import { NODE_COLORS, NODE_GLYPHS } from "../canvas/node-appearance";
import { outcomesOfDraft } from "../node-outcomes";
import { useWorkflowActions, useWorkflowStore } from "../store/store-context";
import type { DraftNodeFields } from "../types";
import { SchemaForm } from "./schema-form";
import { configJsonSchema, issuesByPath, pathKey, setIn, type FieldPath } from "./schema-fields";
import { useKnownFields } from "./use-known-fields";
import { InlineProblems } from "./inline-problems";

const NO_ISSUES = new Map<string, string[]>();

function IdField({ id }: { id: string }) {
  const actions = useWorkflowActions();
  const [draft, setDraft] = useState(id);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const message = actions.renameNode(id, draft.trim());
    setError(message);
  };
  return (
    <div className="wf-field">
      <label htmlFor="wf-node-id">Id</label>
      <input
        id="wf-node-id"
        className="nodrag wf-mono"
        value={draft}
        aria-invalid={Boolean(error)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply();
          if (event.key === "Escape") setDraft(id);
        }}
      />
      <small className="wf-field-hint">Used in expressions as steps.{id}; renaming updates the edges.</small>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** The selected node: label, id, description and the config form generated from its type's schema. */
export function NodeInspector({ node }: { node: DraftNodeFields }) {
  const actions = useWorkflowActions();
  const problems = useWorkflowStore((state) => state.problemIndex.byNode.get(node.id));
  const knownFields = useKnownFields();
  const definition = nodeTypes[node.type];
  const schema = configJsonSchema(node.type);
  const issues = useMemo(() => {
    const parsed = definition.configSchema.safeParse(node.config);
    return parsed.success ? NO_ISSUES : issuesByPath(parsed.error.issues);
  }, [definition, node.config]);
  const outcomes = useMemo(() => outcomesOfDraft(node), [node]);

  const setConfig = (path: FieldPath, value: unknown) =>
    actions.updateNode(node.id, { config: setIn(node.config, path, value) }, `config:${node.id}:${pathKey(path)}`);

  return (
    <section className="wf-inspector-body" aria-label={`${definition.label} ${node.id}`}>
      <header className="wf-inspector-head">
        <span className="wf-palette-glyph" style={{ color: NODE_COLORS[node.type] }} aria-hidden="true">
          {NODE_GLYPHS[node.type]}
        </span>
        <div>
          <h2 className="wf-panel-title">{definition.label}</h2>
          <p className="wf-hint">{definition.description}</p>
        </div>
      </header>
      <InlineProblems problems={problems} of="node" />
      <div className="wf-field">
        <label htmlFor="wf-node-label">Label</label>
        <input
          id="wf-node-label"
          className="nodrag"
          value={node.label ?? ""}
          onChange={(event) => actions.updateNode(node.id, { label: event.target.value }, `label:${node.id}`)}
        />
      </div>
      <IdField key={node.id} id={node.id} />
      <div className="wf-field">
        <label htmlFor="wf-node-description">Description</label>
        <textarea
          id="wf-node-description"
          className="nodrag"
          rows={2}
          value={node.description ?? ""}
          onChange={(event) =>
            actions.updateNode(node.id, { description: event.target.value === "" ? undefined : event.target.value }, `description:${node.id}`)
          }
        />
      </div>
      <h3 className="wf-section-title">Configuration</h3>
      <SchemaForm
        key={node.id}
        schema={schema}
        value={node.config}
        onChange={setConfig}
        errors={issues}
        knownFields={knownFields}
        idPrefix={`cfg-${node.id}`}
      />
      <h3 className="wf-section-title">Outcomes</h3>
      {outcomes.length === 0 ? (
        <p className="wf-hint">An end node has no outcomes.</p>
      ) : (
        <ul className="wf-outcome-list">
          {outcomes.map((outcome) => (
            <li key={outcome}>{outcome}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button danger small" onClick={() => actions.deleteElement({ nodeId: node.id })}>
        Delete node
      </button>
    </section>
  );
}
