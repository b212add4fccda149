"use client";

import type { FormValues, InputField } from "./run-input";

type Props = {
  fields: readonly InputField[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (name: string, value: string | boolean) => void;
};

const PLACEHOLDERS: Partial<Record<InputField["type"], string>> = {
  date: "2025-01-31 or 2025-01-31T09:00:00Z",
  object: '{ "key": "value" }',
  array: "[]",
};

function FieldControl({ field, value, invalid, onChange }: { field: InputField; value: string | boolean; invalid: boolean; onChange: (value: string | boolean) => void }) {
  const common = { name: field.name, "aria-invalid": invalid || undefined, "aria-describedby": invalid ? `run-input-error-${field.name}` : undefined };
  switch (field.type) {
    case "boolean":
      return <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case "object":
    case "array":
      return (
        <textarea
          {...common}
          className="run-json-input"
          rows={3}
          spellCheck={false}
          placeholder={PLACEHOLDERS[field.type]}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "number":
    case "integer":
      return <input {...common} type="number" step={field.type === "integer" ? 1 : "any"} value={String(value)} onChange={(event) => onChange(event.target.value)} />;
    default:
      return <input {...common} type="text" placeholder={PLACEHOLDERS[field.type]} value={String(value)} onChange={(event) => onChange(event.target.value)} />;
  }
}

/** A form field per start-node input field, typed: text, number, checkbox, date, or JSON for objects and arrays. */
export function RunInputFields({ fields, values, errors, onChange }: Props) {
  if (fields.length === 0) return <p className="run-note">This workflow takes no input.</p>;
  return (
    <div className="run-input-fields">
      {fields.map((field) => (
        <label key={field.name} className={field.type === "boolean" ? "run-input-check" : undefined}>
          <span className="run-input-label">
            {field.name}
            <span className="run-input-type">
              {field.type}
              {field.required === false && " · optional"}
            </span>
          </span>
          <FieldControl field={field} value={values[field.name] ?? ""} invalid={Boolean(errors[field.name])} onChange={(value) => onChange(field.name, value)} />
          {field.description && <span className="run-note">{field.description}</span>}
          {errors[field.name] && (
            <span className="field-error" id={`run-input-error-${field.name}`}>
              {errors[field.name]}
            </span>
          )}
        </label>
      ))}
    </div>
  );
}
