import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { createActor } from "xstate";
import { describe, expect, it } from "vitest";

import { compile, graphJsonSchema, validateGraph } from "../engine";

const root = resolve(__dirname, "../..");
const EXAMPLES = ["invoice-approval", "ticket-triage", "tiered-support-escalation", "parallel-research"];
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), "utf8"));

describe("shipped examples", () => {
  it.each(EXAMPLES)("%s validates without problems, compiles deterministically and starts", (name) => {
    const result = validateGraph(read(`examples/${name}.json`));
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    const first = JSON.stringify(compile(result.graph).config);
    expect(JSON.stringify(compile(result.graph).config)).toBe(first);
    const actor = createActor(compile(result.graph).machine, { input: {} });
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(actor.getSnapshot().status).not.toBe("done");
    actor.stop();
  });

  it("examples/graph.schema.json is the schema generated from Zod", () => {
    expect(read("examples/graph.schema.json")).toEqual(JSON.parse(JSON.stringify(graphJsonSchema())));
  });
});
