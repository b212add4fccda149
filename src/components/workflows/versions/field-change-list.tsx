import type { FieldChange } from "~/engine/diff/diff-graphs";

/** A field value as the diff shows it: strings quoted, absent values named. */
function formatValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return `"${value}"`;
  return JSON.stringify(value);
}

/** Changed fields as `path: before → after`. */
export function FieldChangeList({ fields }: { fields: readonly FieldChange[] }) {
  return (
    <ul className="field-changes">
      {fields.map((field) => (
        <li key={field.path} className="field-change" data-testid={`field-change-${field.path}`}>
          <code className="path">{field.path}</code>
          <div className="values">
            <span className="label">before</span>
            <code className="before">{formatValue(field.before)}</code>
            <span className="label">after</span>
            <code className="after">{formatValue(field.after)}</code>
          </div>
        </li>
      ))}
    </ul>
  );
}
