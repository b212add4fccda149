"use client";

import { useState, type ReactNode } from "react";
import type { KnownFields } from "~/engine";
import { ExpressionEditor } from "./expression-editor";
import {
  discriminatorOf,
  fieldKindOf,
  fieldTitle,
  getIn,
  initialValue,
  pathKey,
  switchVariant,
  variantFor,
  variantOptions,
  type FieldPath,
  type JsonSchema,
} from "./schema-fields";
import { TagList } from "./tag-list";

/** What every field of one form shares. */
interface FormContext {
  value: unknown;
  /** Sets the value at `path` (undefined removes an optional field). */
  set: (path: FieldPath, value: unknown) => void;
  errors: ReadonlyMap<string, string[]>;
  knownFields: KnownFields;
  idPrefix: string;
}

interface FieldProps {
  schema: JsonSchema;
  path: FieldPath;
  label: string;
  required: boolean;
  form: FormContext;
}

function fieldId(form: FormContext, path: FieldPath): string {
  return `${form.idPrefix}-${pathKey(path) || "root"}`;
}

function FieldErrors({ form, path }: { form: FormContext; path: FieldPath }) {
  const messages = form.errors.get(pathKey(path));
  if (!messages) return null;
  return (
    <>
      {messages.map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
    </>
  );
}

/** Label, control, hint and errors of one simple field. */
function FieldShell({ id, label, required, description, form, path, children }: {
  id: string;
  label: string;
  required: boolean;
  description?: string;
  form: FormContext;
  path: FieldPath;
  children: ReactNode;
}) {
  return (
    <div className="wf-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {description && <small className="wf-field-hint">{description}</small>}
      <FieldErrors form={form} path={path} />
    </div>
  );
}

function TextField({ schema, path, label, required, form }: FieldProps) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path);
  return (
    <FieldShell id={id} label={label} required={required} description={schema.description} form={form} path={path}>
      <input
        id={id}
        className="nodrag"
        value={typeof value === "string" ? value : ""}
        placeholder={typeof schema.default === "string" ? schema.default : undefined}
        aria-invalid={form.errors.has(pathKey(path))}
        onChange={(event) => form.set(path, event.target.value === "" && !required ? undefined : event.target.value)}
      />
    </FieldShell>
  );
}

function NumberField({ schema, path, label, required, form, integer }: FieldProps & { integer: boolean }) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path);
  return (
    <FieldShell id={id} label={label} required={required} description={schema.description} form={form} path={path}>
      <input
        id={id}
        className="nodrag"
        type="number"
        step={integer ? 1 : "any"}
        min={schema.minimum}
        max={schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined}
        value={typeof value === "number" ? value : ""}
        placeholder={typeof schema.default === "number" ? String(schema.default) : undefined}
        aria-invalid={form.errors.has(pathKey(path))}
        onChange={(event) => form.set(path, event.target.value === "" ? undefined : Number(event.target.value))}
      />
    </FieldShell>
  );
}

function BooleanField({ schema, path, label, form }: FieldProps) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path);
  return (
    <div className="wf-field">
      <label htmlFor={id} className="wf-check">
        <input
          id={id}
          className="nodrag"
          type="checkbox"
          checked={typeof value === "boolean" ? value : schema.default === true}
          onChange={(event) => form.set(path, event.target.checked)}
        />
        {label}
      </label>
      {schema.description && <small className="wf-field-hint">{schema.description}</small>}
      <FieldErrors form={form} path={path} />
    </div>
  );
}

function EnumField({ schema, path, label, required, form }: FieldProps) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path) ?? schema.default;
  const options = (schema.enum ?? []).map(String);
  return (
    <FieldShell id={id} label={label} required={required} description={schema.description} form={form} path={path}>
      <select
        id={id}
        className="nodrag"
        value={value === undefined ? "" : String(value)}
        onChange={(event) => form.set(path, event.target.value === "" ? undefined : event.target.value)}
      >
        {value === undefined && <option value="">—</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

function CodeField({ schema, path, label, required, form, kind }: FieldProps & { kind: "expression" | "template" }) {
  const value = getIn(form.value, path);
  return (
    <ExpressionEditor
      id={fieldId(form, path)}
      label={label}
      kind={kind}
      value={typeof value === "string" ? value : ""}
      onChange={(next) => form.set(path, next === "" && !required ? undefined : next)}
      knownFields={form.knownFields}
      errors={form.errors.get(pathKey(path))}
      description={schema.description}
      required={required}
    />
  );
}

function TagsField({ schema, path, label, required, form }: FieldProps) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path);
  const values = Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return (
    <FieldShell id={id} label={label} required={required} description={schema.description} form={form} path={path}>
      <TagList id={id} label={label} values={values} onChange={(next) => form.set(path, next)} />
    </FieldShell>
  );
}

function ChoicesField({ schema, path, label, form }: FieldProps) {
  const value = getIn(form.value, path);
  const chosen = new Set(Array.isArray(value) ? value : Array.isArray(schema.default) ? schema.default : []);
  const options = (schema.items?.enum ?? []).map(String);
  const toggle = (option: string, on: boolean) =>
    form.set(
      path,
      options.filter((candidate) => (candidate === option ? on : chosen.has(candidate))),
    );
  return (
    <fieldset className="wf-choices">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option} className="wf-check">
          <input className="nodrag" type="checkbox" checked={chosen.has(option)} onChange={(event) => toggle(option, event.target.checked)} />
          {option}
        </label>
      ))}
      {schema.description && <small className="wf-field-hint">{schema.description}</small>}
      <FieldErrors form={form} path={path} />
    </fieldset>
  );
}

function MappingField({ schema, path, label, form }: FieldProps) {
  const value = getIn(form.value, path);
  const entries = Object.entries(typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
  const [newKey, setNewKey] = useState("");
  const id = fieldId(form, path);
  const replaceKey = (index: number, key: string) =>
    form.set(path, Object.fromEntries(entries.map(([field, expression], at) => [at === index ? key : field, expression])));
  const add = () => {
    const key = newKey.trim();
    if (!key || entries.some(([field]) => field === key)) return;
    form.set(path, { ...Object.fromEntries(entries), [key]: "" });
    setNewKey("");
  };
  return (
    <fieldset className="wf-group">
      <legend>{label}</legend>
      {schema.description && <small className="wf-field-hint">{schema.description}</small>}
      {entries.map(([field], index) => (
        <div key={index} className="wf-mapping-row">
          <div className="wf-field">
            <label htmlFor={`${id}-key-${index}`}>Field</label>
            <input id={`${id}-key-${index}`} className="nodrag" value={field} onChange={(event) => replaceKey(index, event.target.value)} />
          </div>
          <CodeField
            schema={{ type: "string" }}
            path={[...path, field]}
            label={`${field || "field"} =`}
            required
            form={form}
            kind="expression"
          />
          <button
            type="button"
            className="wf-icon-button"
            aria-label={`Remove ${field}`}
            onClick={() => form.set(path, Object.fromEntries(entries.filter((_, at) => at !== index)))}
          >
            ×
          </button>
        </div>
      ))}
      <div className="wf-mapping-add">
        <input
          className="nodrag"
          aria-label={`New ${label.toLowerCase()} field`}
          placeholder="field name"
          value={newKey}
          onChange={(event) => setNewKey(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button secondary small" onClick={add}>
          Add field
        </button>
      </div>
      <FieldErrors form={form} path={path} />
    </fieldset>
  );
}

function JsonField({ schema, path, label, required, form }: FieldProps) {
  const id = fieldId(form, path);
  const value = getIn(form.value, path);
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  const onChange = (next: string) => {
    setText(next);
    if (next.trim() === "") {
      setError(null);
      form.set(path, undefined);
      return;
    }
    try {
      form.set(path, JSON.parse(next));
      setError(null);
    } catch (parseError) {
      setError(parseError instanceof Error ? parseError.message : "Not valid JSON.");
    }
  };
  return (
    <FieldShell id={id} label={label} required={required} description={schema.description} form={form} path={path}>
      <textarea id={id} className="wf-code nodrag" rows={4} spellCheck={false} value={text} onChange={(event) => onChange(event.target.value)} />
      {error && <p className="field-error">{error}</p>}
    </FieldShell>
  );
}

function ObjectFields({ schema, path, form, skip }: { schema: JsonSchema; path: FieldPath; form: FormContext; skip?: string }) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => key !== skip)
        .map(([key, property]) => (
          <SchemaField key={key} schema={property} path={[...path, key]} label={fieldTitle(property, key)} required={required.has(key)} form={form} />
        ))}
    </>
  );
}

function VariantFields({ schema, path, label, form }: FieldProps) {
  const value = getIn(form.value, path);
  const key = discriminatorOf(schema);
  const variant = variantFor(schema, value);
  const id = fieldId(form, [...path, key ?? "variant"]);
  const current = key && typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return (
    <>
      <div className="wf-field">
        <label htmlFor={id}>{path.length === 0 ? `${label} kind` : "Kind"}</label>
        <select id={id} className="nodrag" value={typeof current === "string" ? current : ""} onChange={(event) => form.set(path, switchVariant(schema, value, event.target.value))}>
          {typeof current !== "string" && <option value="">—</option>}
          {variantOptions(schema).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {variant && <ObjectFields schema={variant} path={path} form={form} skip={key} />}
    </>
  );
}

function GroupsField({ schema, path, label, form }: FieldProps) {
  const value = getIn(form.value, path);
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  const itemTitle = itemSchema.title && !itemSchema.oneOf ? itemSchema.title : label.replace(/s$/, "");
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    form.set(path, next);
  };
  return (
    <fieldset className="wf-group">
      <legend>{label}</legend>
      {schema.description && <small className="wf-field-hint">{schema.description}</small>}
      <FieldErrors form={form} path={path} />
      {items.map((_, index) => (
        <fieldset key={index} className="wf-group-item" aria-label={`${itemTitle} ${index + 1}`}>
          <legend>
            {itemTitle} {index + 1}
          </legend>
          <div className="wf-group-actions">
            <button type="button" className="wf-icon-button" aria-label={`Move ${itemTitle} ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
              ↑
            </button>
            <button
              type="button"
              className="wf-icon-button"
              aria-label={`Move ${itemTitle} ${index + 1} down`}
              disabled={index === items.length - 1}
              onClick={() => move(index, index + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="wf-icon-button"
              aria-label={`Remove ${itemTitle} ${index + 1}`}
              onClick={() => form.set(path, items.filter((__, at) => at !== index))}
            >
              ×
            </button>
          </div>
          {fieldKindOf(itemSchema) === "variants" ? (
            <VariantFields schema={itemSchema} path={[...path, index]} label={itemTitle} required form={form} />
          ) : (
            <ObjectFields schema={itemSchema} path={[...path, index]} form={form} />
          )}
          <FieldErrors form={form} path={[...path, index]} />
        </fieldset>
      ))}
      <button type="button" className="button secondary small" onClick={() => form.set(path, [...items, initialValue(itemSchema)])}>
        Add {itemTitle.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** One field, edited by the control its JSON-schema kind calls for. */
function SchemaField(props: FieldProps) {
  const kind = fieldKindOf(props.schema);
  switch (kind) {
    case "text":
      return <TextField {...props} />;
    case "number":
    case "integer":
      return <NumberField {...props} integer={kind === "integer"} />;
    case "boolean":
      return <BooleanField {...props} />;
    case "enum":
      return <EnumField {...props} />;
    case "expression":
    case "template":
      return <CodeField {...props} kind={kind} />;
    case "mapping":
      return <MappingField {...props} />;
    case "tags":
      return <TagsField {...props} />;
    case "choices":
      return <ChoicesField {...props} />;
    case "groups":
      return <GroupsField {...props} />;
    case "variants":
      return (
        <fieldset className="wf-group">
          <legend>{props.label}</legend>
          <VariantFields {...props} />
        </fieldset>
      );
    case "object":
      return (
        <fieldset className="wf-group">
          <legend>{props.label}</legend>
          {props.schema.description && <small className="wf-field-hint">{props.schema.description}</small>}
          <FieldErrors form={props.form} path={props.path} />
          <ObjectFields schema={props.schema} path={props.path} form={props.form} />
        </fieldset>
      );
    case "json":
      return <JsonField {...props} />;
  }
}

interface SchemaFormProps {
  /** JSON Schema of the value (a node type's config schema). */
  schema: JsonSchema;
  value: unknown;
  onChange: (path: FieldPath, value: unknown) => void;
  /** Zod issues by dotted path. */
  errors: ReadonlyMap<string, string[]>;
  knownFields: KnownFields;
  /** Prefix of the fields' DOM ids (unique per form). */
  idPrefix: string;
}

/**
 * A form generated from a JSON Schema: one control per field by its kind, repeatable groups for
 * lists of objects, a kind select for unions; errors shown under the fields they point at.
 */
export function SchemaForm({ schema, value, onChange, errors, knownFields, idPrefix }: SchemaFormProps) {
  const form: FormContext = { value, set: onChange, errors, knownFields, idPrefix };
  return (
    <div className="wf-form">
      <FieldErrors form={form} path={[]} />
      {fieldKindOf(schema) === "variants" ? (
        <VariantFields schema={schema} path={[]} label={schema.title ?? "Config"} required form={form} />
      ) : (
        <ObjectFields schema={schema} path={[]} form={form} />
      )}
    </div>
  );
}
