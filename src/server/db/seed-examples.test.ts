import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDecisionTable, decideWithTable, validateGraph, type DecisionTable, type NodeConfig } from "~/engine";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { EXAMPLE_FILES, seedExampleData } from "./seed-examples";

let testDb: TestDb;
let adminId: string;
beforeAll(async () => {
  testDb = createTestDb();
  adminId = (await createTestUser(testDb.db, "admin")).id;
});
afterAll(() => testDb.dispose());

const readExample = (file: string): unknown => JSON.parse(readFileSync(join(process.cwd(), "examples", file), "utf8"));

const counts = async () => ({
  purchaseOrders: await testDb.db.purchaseOrder.count(),
  ruleTables: await testDb.db.ruleTable.count(),
  ruleTableVersions: await testDb.db.ruleTableVersion.count(),
  workflows: await testDb.db.workflow.count(),
  workflowVersions: await testDb.db.workflowVersion.count(),
});

describe("seedExampleData", () => {
  it("seeds purchase orders, the routing table and the example workflows once", async () => {
    expect(await seedExampleData(testDb.db, { createdById: adminId })).toEqual({ purchaseOrders: 3, ruleTables: 1, workflows: 4 });
    const first = await counts();
    expect(first).toEqual({ purchaseOrders: 3, ruleTables: 1, ruleTableVersions: 1, workflows: 4, workflowVersions: 4 });
    expect(await seedExampleData(testDb.db, { createdById: adminId })).toEqual({ purchaseOrders: 0, ruleTables: 0, workflows: 0 });
    expect(await counts()).toEqual(first);
  });

  it("stores each example as its draft and as published version 1", async () => {
    const workflows = await testDb.db.workflow.findMany({ include: { versions: true } });
    const graphId = (graph: unknown) => (graph as { id: string }).id;
    const drafts = workflows.map((workflow) => JSON.parse(workflow.draftGraph) as unknown).sort((a, b) => graphId(a).localeCompare(graphId(b)));
    expect(drafts).toEqual(EXAMPLE_FILES.map(readExample).sort((a, b) => graphId(a).localeCompare(graphId(b))));
    for (const workflow of workflows) {
      expect(workflow).toMatchObject({ createdById: adminId, name: expect.any(String), description: expect.stringMatching(/.+/) });
      expect(workflow.versions).toEqual([expect.objectContaining({ version: 1, note: "Example workflow", graph: workflow.draftGraph, createdById: adminId })]);
    }
  });

  it("every example validates without problems and uses only the product's roles", () => {
    for (const file of EXAMPLE_FILES) {
      const result = validateGraph(readExample(file));
      expect(result.problems, file).toEqual([]);
      const roles = JSON.stringify(readExample(file)).match(/"roles":\[[^\]]*\]/g) ?? [];
      for (const list of roles) expect(list, file).toMatch(/^"roles":\[("(designer|approver|admin)",?)*\]$/);
    }
  });

  it("the seeded ticket-routing table passes checkDecisionTable and yields the triage node's teams", async () => {
    const table = await testDb.db.ruleTable.findUniqueOrThrow({ where: { key: "ticket-routing" }, include: { versions: true } });
    const checked = checkDecisionTable(JSON.parse(table.versions[0]!.definition));
    expect(checked).toMatchObject({ ok: true, problems: [] });
    const triage = validateGraph(readExample("ticket-triage.json"));
    if (!triage.ok) throw new Error("ticket-triage does not validate");
    const route = triage.graph.nodes.find((node) => node.id === "route")!.config as Extract<NodeConfig<"decision">, { source: "table" }>;
    expect(route.table).toEqual({ id: table.key, version: table.versions[0]!.version });
    const decide = (category: string, priority = "normal", customerTier = "standard") =>
      decideWithTable(route, (checked as { table: DecisionTable }).table, { category, priority, customerTier }).outcome;
    expect([decide("billing"), decide("technical"), decide("account"), decide("other"), decide("other", "urgent", "gold")]).toEqual([
      "billing",
      "technical",
      "accounts",
      "general",
      "accounts",
    ]);
  });
});
