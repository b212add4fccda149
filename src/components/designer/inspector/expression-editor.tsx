"use client";

import { useMemo } from "react";
import { analyzeExpression, analyzeTemplate, type ExpressionError, type KnownFields } from "~/engine";

interface ExpressionEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `expression`: one CEL expression; `template`: text with `{{ expression }}` placeholders. */
  kind: "expression" | "template";
  knownFields: KnownFields;
  /** Messages from the config schema (e.g. "The expression is empty."). */
  errors?: readonly string[];
  description?: string;
  required?: boolean;
  disabled?: boolean;
}

/** The line an error points at, and a caret line underneath marking the offending characters. */
export function caretLines(source: string, error: Pick<ExpressionError, "line" | "column" | "length">): [string, string] {
  const line = source.split("\n")[error.line - 1] ?? "";
  const width = Math.max(1, Math.min(error.length, line.length - error.column + 1));
  return [line, `${" ".repeat(Math.max(0, error.column - 1))}${"^".repeat(width)}`];
}

/**
 * A monospace editor for a CEL expression or template that parses and type-checks as you type
 * (the engine's `analyzeExpression` with the graph's known fields) and points at the error.
 */
export function ExpressionEditor({ id, label, value, onChange, kind, knownFields, errors, description, required, disabled }: ExpressionEditorProps) {
  const analysis = useMemo(() => {
    if (value === "" || disabled) return [];
    const options = { fields: knownFields };
    return kind === "template" ? analyzeTemplate(value, options) : analyzeExpression(value, options);
  }, [value, kind, knownFields, disabled]);
  const first = analysis[0];
  const schemaErrors = (errors ?? []).filter((message) => !analysis.some((error) => error.message === message));
  const hintId = description ? `${id}-hint` : undefined;

  return (
    <div className="wf-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
        <span className="wf-field-tag">{kind === "template" ? "template" : "CEL"}</span>
      </label>
      <textarea
        id={id}
        className={`wf-code nodrag ${first || schemaErrors.length > 0 ? "is-invalid" : ""}`}
        rows={kind === "template" ? 3 : 2}
        spellCheck={false}
        value={value}
        disabled={disabled}
        aria-invalid={Boolean(first) || schemaErrors.length > 0}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      {description && (
        <small id={hintId} className="wf-field-hint">
          {description}
        </small>
      )}
      {first && (
        <div className="wf-expr-error" data-testid="expression-error">
          <span>
            {first.line}:{first.column} {first.message}
          </span>
          <pre aria-hidden="true">{caretLines(value, first).join("\n")}</pre>
          {analysis.length > 1 && <span className="muted">and {analysis.length - 1} more</span>}
        </div>
      )}
      {schemaErrors.map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
    </div>
  );
}
