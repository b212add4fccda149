import { z } from "zod";
import { nodeTypes, type NodeType } from "~/engine";

/** The part of JSON Schema the inspector reads (as `z.toJSONSchema` writes it). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

/** How a field is edited. */
export type FieldKind =
  | "text"
  | "expression"
  | "template"
  | "mapping"
  | "number"
  | "integer"
  | "boolean"
  | "enum"
  | "tags"
  | "choices"
  | "groups"
  | "object"
  | "variants"
  | "json";

/** A path inside a node config, e.g. `["rules", 0, "when"]`. */
export type FieldPath = (string | number)[];

const schemas = new Map<NodeType, JsonSchema>();

/**
 * The JSON Schema of a node type's config, as the inspector form reads it (cached per type).
 *
 * @example configJsonSchema("task").properties?.connector?.title // "Connector"
 */
export function configJsonSchema(type: NodeType): JsonSchema {
  let schema = schemas.get(type);
  if (!schema) {
    schema = z.toJSONSchema(nodeTypes[type].configSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    schemas.set(type, schema);
  }
  return schema;
}

function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.oneOf ?? schema.anyOf;
}

/**
 * The editor a JSON-schema field gets: strings by `format` (CEL expression, template, mapping),
 * numbers, booleans, enums (select), lists of strings (tags) or of enums (checkboxes), lists of
 * objects (repeatable groups), nested objects, and unions with a discriminator (variants).
 *
 * @example fieldKindOf({ type: "string", format: "cel-expression" }) // "expression"
 */
export function fieldKindOf(schema: JsonSchema): FieldKind {
  if (variantsOf(schema)) return "variants";
  if (schema.format === "cel-expression") return "expression";
  if (schema.format === "cel-template") return "template";
  if (schema.format === "cel-mapping") return "mapping";
  if (schema.enum) return "enum";
  switch (schema.type) {
    case "string":
      return "text";
    case "number":
      return "number";
    case "integer":
      return "integer";
    case "boolean":
      return "boolean";
    case "array": {
      const items = schema.items ?? {};
      if (items.enum) return "choices";
      if (items.type === "string") return "tags";
      if (items.type === "object" || variantsOf(items)) return "groups";
      return "json";
    }
    case "object":
      return schema.properties ? "object" : "json";
    default:
      return "json";
  }
}

/**
 * The property whose `const` tells the variants of a union apart (`source`, `mode`, `kind`).
 *
 * @example discriminatorOf(configJsonSchema("wait")) // "mode"
 */
export function discriminatorOf(schema: JsonSchema): string | undefined {
  const [first] = variantsOf(schema) ?? [];
  return Object.entries(first?.properties ?? {}).find(([, property]) => property.const !== undefined)?.[0];
}

/** The variant of a union that `value` is (by its discriminator), or the first one. */
export function variantFor(schema: JsonSchema, value: unknown): JsonSchema | undefined {
  const variants = variantsOf(schema) ?? [];
  const key = discriminatorOf(schema);
  const current = key && isRecord(value) ? value[key] : undefined;
  return variants.find((variant) => variant.properties?.[key ?? ""]?.const === current) ?? variants[0];
}

/** The variants of a union as select options: discriminator value and title. */
export function variantOptions(schema: JsonSchema): { value: string; label: string }[] {
  const key = discriminatorOf(schema);
  return (variantsOf(schema) ?? []).flatMap((variant) => {
    const value = key ? variant.properties?.[key]?.const : undefined;
    return typeof value === "string" ? [{ value, label: variant.title ?? value }] : [];
  });
}

/**
 * A new value for a field: its default, or a blank that satisfies the shape (required fields only).
 *
 * @example initialValue({ type: "object", properties: { id: { type: "string" } }, required: ["id"] }) // { id: "" }
 */
export function initialValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  const variants = variantsOf(schema);
  if (variants?.[0]) return initialValue(variants[0]);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "string":
      return "";
    case "boolean":
      return false;
    case "array":
      return [];
    case "object": {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {})
        .filter(([key]) => required.has(key))
        .map(([key, property]) => [key, initialValue(property)] as const)
        .filter(([, value]) => value !== undefined);
      return Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}

/**
 * Switches a union value to another variant: keeps the fields the new variant also has, fills in
 * its required ones.
 */
export function switchVariant(schema: JsonSchema, value: unknown, next: string): unknown {
  const key = discriminatorOf(schema);
  const variant = (variantsOf(schema) ?? []).find((candidate) => key && candidate.properties?.[key]?.const === next);
  if (!key || !variant) return value;
  const blank = initialValue(variant) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(isRecord(value) ? value : {}).filter(([field]) => field in (variant.properties ?? {})));
  return { ...blank, ...kept, [key]: next };
}

/** A human title for a field: its schema title, or its key split into words. */
export function fieldTitle(schema: JsonSchema, key: string | number): string {
  if (schema.title && schema.title !== "Id" && schema.title !== "Expression" && schema.title !== "Template") return schema.title;
  if (typeof key === "number") return `Item ${key + 1}`;
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined. */
export function getIn(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isRecord(current) && typeof key === "string") current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * A copy of `value` with `next` at `path` (immutable); undefined removes an object field.
 *
 * @example setIn({ retry: { maxAttempts: 3 } }, ["retry", "maxAttempts"], 5) // { retry: { maxAttempts: 5 } }
 */
export function setIn(value: unknown, path: FieldPath, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  if (typeof key === "number") {
    const list = Array.isArray(value) ? [...value] : [];
    list[key] = setIn(list[key], rest, next);
    return list;
  }
  const record = isRecord(value) ? { ...value } : {};
  const child = setIn(record[key], rest, next);
  if (child === undefined) delete record[key];
  else record[key] = child;
  return record;
}

/** The dotted key of a path, as issues are looked up: `rules.0.when`. */
export function pathKey(path: FieldPath): string {
  return path.join(".");
}

/**
 * Zod issues of a config, grouped by the path they point at.
 *
 * @example issuesByPath(schema.safeParse(config).error?.issues ?? []).get("connector")
 */
export function issuesByPath(issues: readonly { path: PropertyKey[]; message: string }[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path.filter((part): part is string | number => typeof part !== "symbol"));
    byPath.set(key, [...(byPath.get(key) ?? []), issue.message]);
  }
  return byPath;
}
