import { describe, expect, it } from "vitest";
import { nodeTypes } from "~/engine";
import {
  configJsonSchema,
  discriminatorOf,
  fieldKindOf,
  getIn,
  initialValue,
  issuesByPath,
  setIn,
  switchVariant,
  variantFor,
  variantOptions,
  type JsonSchema,
} from "./schema-fields";

function property(schema: JsonSchema, ...path: string[]): JsonSchema {
  return path.reduce<JsonSchema>((current, key) => current.properties?.[key] ?? {}, schema);
}

describe("schema form field mapping", () => {
  it("maps every kind of config field to its editor", () => {
    const task = configJsonSchema("task");
    expect(fieldKindOf(property(task, "connector"))).toBe("text");
    expect(fieldKindOf(property(task, "input"))).toBe("mapping");
    expect(fieldKindOf(property(task, "retry"))).toBe("object");
    expect(fieldKindOf(property(task, "retry", "maxAttempts"))).toBe("integer");
    expect(fieldKindOf(property(task, "retry", "backoff"))).toBe("enum");
    expect(fieldKindOf(property(task, "idempotent"))).toBe("boolean");
    const approval = configJsonSchema("approval");
    expect(fieldKindOf(property(approval, "summary"))).toBe("template");
    expect(fieldKindOf(property(approval, "assignees", "roles"))).toBe("tags");
    const llm = configJsonSchema("llm");
    expect(fieldKindOf(property(llm, "temperature"))).toBe("number");
    expect(fieldKindOf(property(llm, "outputSchema"))).toBe("json");
    const guardrail = configJsonSchema("guardrail");
    expect(fieldKindOf(property(guardrail, "checks"))).toBe("groups");
    expect(fieldKindOf(property(guardrail, "checks").items ?? {})).toBe("variants");
    expect(fieldKindOf(configJsonSchema("escalation").properties?.subject ?? {})).toBe("expression");
    expect(fieldKindOf(configJsonSchema("decision"))).toBe("variants");
    const content = (property(guardrail, "checks").items?.oneOf ?? [])[0] ?? {};
    expect(fieldKindOf(property(content, "pii"))).toBe("choices");
  });

  it("finds the discriminator and variant of unions", () => {
    const wait = configJsonSchema("wait");
    expect(discriminatorOf(wait)).toBe("mode");
    expect(variantOptions(wait).map((option) => option.value)).toEqual(["duration", "until", "signal"]);
    expect(variantFor(wait, { mode: "signal" })?.title).toBe("For a signal");
    expect(discriminatorOf(configJsonSchema("decision"))).toBe("source");
  });

  it("switching a variant keeps shared fields and fills required ones", () => {
    const decision = configJsonSchema("decision");
    const inline = { source: "inline", outcomes: ["a", "b"], rules: [], defaultOutcome: "b" };
    expect(switchVariant(decision, inline, "table")).toEqual({
      source: "table",
      outcomes: ["a", "b"],
      defaultOutcome: "b",
      table: { id: "" },
      inputs: {},
      outcomeColumn: "",
    });
  });

  it("builds new list items from the item schema", () => {
    const escalation = configJsonSchema("escalation");
    expect(initialValue(property(escalation, "tiers").items ?? {})).toEqual({ id: "", handler: "auto" });
    const parallel = configJsonSchema("parallel");
    expect(initialValue(property(parallel, "branches").items ?? {})).toEqual({ id: "" });
  });

  it("every node type's form covers its schema without unknown editors at the top level", () => {
    for (const type of Object.keys(nodeTypes) as (keyof typeof nodeTypes)[]) {
      const schema = configJsonSchema(type);
      expect(["object", "variants"]).toContain(fieldKindOf(schema));
    }
  });

  it("reads and writes values by path immutably", () => {
    const config = { retry: { maxAttempts: 3 }, rules: [{ when: "a" }] };
    const next = setIn(config, ["rules", 0, "when"], "b");
    expect(getIn(next, ["rules", 0, "when"])).toBe("b");
    expect(config.rules[0]?.when).toBe("a");
    expect(setIn(config, ["retry", "maxAttempts"], undefined)).toEqual({ retry: {}, rules: [{ when: "a" }] });
    expect(getIn(config, ["missing", 0])).toBeUndefined();
  });

  it("groups zod issues by field path", () => {
    const parsed = nodeTypes.approval.configSchema.safeParse({ summary: "", assignees: { users: [], roles: [] } });
    expect(parsed.success).toBe(false);
    const byPath = issuesByPath(parsed.error?.issues ?? []);
    expect(byPath.get("summary")).toEqual(["The summary is empty."]);
    expect(byPath.get("assignees")).toEqual(["Name at least one user or role."]);
  });
});
