import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "~/server/runtime/clock";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { archiveWorkflow } from "./archive-workflow";
import { createWorkflow } from "./create-workflow";
import { duplicateWorkflow } from "./duplicate-workflow";
import { listWorkflows } from "./list-workflows";
import { publishVersion } from "./publish-version";
import { renameWorkflow } from "./rename-workflow";
import { saveDraft } from "./save-draft";

let testDb: TestDb;
let designer: AuthenticatedUser;

beforeAll(async () => {
  testDb = createTestDb();
  designer = await createTestUser(testDb.db, "designer");
});
afterAll(() => testDb.dispose());

const list = (search?: string, includeArchived = false) => listWorkflows(testDb.db, systemClock, { search, includeArchived });
const auditOf = (entityId: string, action: string) => testDb.db.auditLog.findFirstOrThrow({ where: { entityId, action } });

describe("managing workflows from the list", () => {
  it("renames a workflow without touching its draft, with an audit entry", async () => {
    const created = await createWorkflow(testDb.db, designer, { name: "Refunds", description: "" });
    const before = await testDb.db.workflow.findUniqueOrThrow({ where: { id: created.id } });
    expect(await renameWorkflow(testDb.db, designer, { workflowId: created.id, name: "Refund approvals" })).toEqual({
      id: created.id,
      name: "Refund approvals",
    });
    const after = await testDb.db.workflow.findUniqueOrThrow({ where: { id: created.id } });
    expect([after.draftGraph, after.draftRevision]).toEqual([before.draftGraph, before.draftRevision]);
    expect(JSON.parse((await auditOf(created.id, "workflow.renamed")).data)).toEqual({ before: "Refunds", after: "Refund approvals" });
  });

  it("duplicates the current draft into '<name> (copy)' without versions", async () => {
    const source = await createWorkflow(testDb.db, designer, { name: "Onboarding", description: "New hires" });
    await publishVersion(testDb.db, designer, { workflowId: source.id, note: "first" });
    const edited = JSON.parse((await testDb.db.workflow.findUniqueOrThrow({ where: { id: source.id } })).draftGraph) as { name: string };
    await saveDraft(testDb.db, designer, { workflowId: source.id, graph: { ...edited, name: "Edited draft" }, expectedRevision: 1 });

    const copy = await duplicateWorkflow(testDb.db, designer, { workflowId: source.id });
    expect(copy).toMatchObject({ name: "Onboarding (copy)", draftRevision: 1 });
    const stored = await testDb.db.workflow.findUniqueOrThrow({ where: { id: copy.id }, include: { versions: true } });
    expect(JSON.parse(stored.draftGraph)).toMatchObject({ name: "Edited draft" });
    expect(stored.description).toBe("New hires");
    expect(stored.versions).toEqual([]);
    expect(JSON.parse((await auditOf(copy.id, "workflow.duplicated")).data)).toEqual({ name: "Onboarding (copy)", sourceId: source.id });
  });

  it("keeps a copy's name within the limit", async () => {
    const source = await createWorkflow(testDb.db, designer, { name: "x".repeat(120), description: "" });
    const copy = await duplicateWorkflow(testDb.db, designer, { workflowId: source.id });
    expect(copy.name).toHaveLength(120);
    expect(copy.name.endsWith(" (copy)")).toBe(true);
  });

  it("archives (hidden from the list unless asked for) and unarchives", async () => {
    const created = await createWorkflow(testDb.db, designer, { name: "Seasonal promo", description: "" });
    expect(await archiveWorkflow(testDb.db, designer, { workflowId: created.id, archived: true })).toEqual({ id: created.id, archived: true });
    expect((await list("Seasonal")).map((w) => w.id)).toEqual([]);
    expect((await list("Seasonal", true)).map((w) => [w.id, w.archived])).toEqual([[created.id, true]]);
    await auditOf(created.id, "workflow.archived");

    await archiveWorkflow(testDb.db, designer, { workflowId: created.id, archived: false });
    expect((await list("Seasonal")).map((w) => w.id)).toEqual([created.id]);
    await auditOf(created.id, "workflow.unarchived");
  });

  it("reports unknown workflow ids as NOT_FOUND", async () => {
    await expect(renameWorkflow(testDb.db, designer, { workflowId: "nope", name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(duplicateWorkflow(testDb.db, designer, { workflowId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(archiveWorkflow(testDb.db, designer, { workflowId: "nope", archived: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists status, unpublished changes and last editor", async () => {
    const created = await createWorkflow(testDb.db, designer, { name: "Status check", description: "" });
    const row = async () => (await list("Status check"))[0];
    expect(await row()).toMatchObject({ publishedVersion: null, hasUnpublishedChanges: false, lastEditor: designer.name, runsLast24h: 0 });

    await publishVersion(testDb.db, designer, { workflowId: created.id, note: "" });
    // The draft was stored as written, the version with defaults applied: they still mean the same.
    expect(await row()).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });

    const draft = JSON.parse((await testDb.db.workflow.findUniqueOrThrow({ where: { id: created.id } })).draftGraph) as {
      nodes: { id: string; label: string }[];
    };
    const relabelled = { ...draft, nodes: draft.nodes.map((node) => (node.id === "done" ? { ...node, label: "Finished" } : node)) };
    await saveDraft(testDb.db, designer, { workflowId: created.id, graph: relabelled, expectedRevision: 1 });
    expect(await row()).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: true });

    await saveDraft(testDb.db, designer, { workflowId: created.id, graph: { nodes: "not a graph" }, expectedRevision: 2 });
    expect(await row()).toMatchObject({ hasUnpublishedChanges: true });
  });
});
