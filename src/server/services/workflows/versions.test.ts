import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { archiveWorkflow } from "./archive-workflow";
import { createWorkflow } from "./create-workflow";
import { diffVersions } from "./diff-versions";
import { getVersion } from "./get-version";
import { listVersions } from "./list-versions";
import { publishVersion } from "./publish-version";
import { rollbackVersion } from "./rollback-version";
import { saveDraft } from "./save-draft";
import { starterGraph } from "./starter-graph";

let testDb: TestDb;
let designer: AuthenticatedUser;

beforeAll(async () => {
  testDb = createTestDb();
  designer = await createTestUser(testDb.db, "designer");
});
afterAll(() => testDb.dispose());

/** v1: start → done; v2: start → review (wait) → done, with done relabelled and start moved. */
function secondGraph() {
  const graph = starterGraph("flow", "Flow");
  return {
    ...graph,
    nodes: [
      { ...graph.nodes[0], position: { x: 0, y: 80 } },
      { id: "review", type: "wait", label: "Cool-off", position: { x: 160, y: 0 }, config: { mode: "duration", duration: "PT1H" } },
      { ...graph.nodes[1], label: "Finished", config: { outcome: "completed", summary: "All done" } },
    ],
    edges: [
      { id: "e-start-review", source: "start", sourceHandle: "next", target: "review" },
      { id: "e-review-done", source: "review", sourceHandle: "done", target: "done" },
    ],
  };
}

/** A workflow with two published versions; returns its id and both version ids. */
async function workflowWithTwoVersions(name: string) {
  const workflow = await createWorkflow(testDb.db, designer, { name, description: "", graph: starterGraph("flow", "Flow") });
  const v1 = await publishVersion(testDb.db, designer, { workflowId: workflow.id, note: "first" });
  await saveDraft(testDb.db, designer, { workflowId: workflow.id, graph: secondGraph(), expectedRevision: 1 });
  const v2 = await publishVersion(testDb.db, designer, { workflowId: workflow.id, note: "second" });
  return { workflowId: workflow.id, v1: v1.id, v2: v2.id };
}

describe("workflow versions", () => {
  it("lists versions newest first with their authors and reads one with its graph", async () => {
    const { workflowId, v1 } = await workflowWithTwoVersions("Listed");
    const listed = await listVersions(testDb.db, workflowId);
    expect(listed.versions.map((v) => [v.version, v.note, v.author])).toEqual([
      [2, "second", designer.name],
      [1, "first", designer.name],
    ]);
    const version = await getVersion(testDb.db, v1);
    expect(version).toMatchObject({ id: v1, workflowId, version: 1, note: "first", author: designer.name });
    expect(version.graph.nodes.map((node) => node.id)).toEqual(["start", "done"]);
  });

  it("diffs two versions: added, removed, changed and moved", async () => {
    const { v1, v2 } = await workflowWithTwoVersions("Diffed");
    const result = await diffVersions(testDb.db, { fromVersionId: v1, toVersionId: v2 });
    expect(result.from.version).toBe(1);
    expect(result.to).toMatchObject({ kind: "version", version: 2 });
    expect(result.diff.nodes.added.map((node) => node.id)).toEqual(["review"]);
    expect(result.diff.nodes.changed).toEqual([
      expect.objectContaining({
        id: "done",
        fields: [
          { path: "label", before: "Done", after: "Finished" },
          { path: "config.summary", before: undefined, after: "All done" },
        ],
      }),
    ]);
    expect(result.diff.nodes.moved.map((move) => move.id)).toEqual(["start"]);
    expect(result.diff.edges.removed.map((edge) => edge.id)).toEqual(["e-start-done"]);
    expect(result.diff.edges.added.map((edge) => edge.id)).toEqual(["e-start-review", "e-review-done"]);
  });

  it("diffs a version against the current draft", async () => {
    const { workflowId, v2 } = await workflowWithTwoVersions("Against draft");
    expect((await diffVersions(testDb.db, { fromVersionId: v2, toDraft: true })).to).toEqual({ kind: "draft", revision: 2 });
    const graph = secondGraph();
    await saveDraft(testDb.db, designer, { workflowId, graph: { ...graph, nodes: graph.nodes.slice(0, 2) }, expectedRevision: 2 });
    const result = await diffVersions(testDb.db, { fromVersionId: v2, toDraft: true });
    expect(result.diff.nodes.removed.map((node) => node.id)).toEqual(["done"]);
  });

  it("refuses to compare versions of different workflows and unknown versions", async () => {
    const first = await workflowWithTwoVersions("One");
    const second = await workflowWithTwoVersions("Two");
    await expect(diffVersions(testDb.db, { fromVersionId: first.v1, toVersionId: second.v2 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(diffVersions(testDb.db, { fromVersionId: "nope", toDraft: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(diffVersions(testDb.db, { fromVersionId: first.v1, toVersionId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVersion(testDb.db, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listVersions(testDb.db, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a draft that is not a well-formed graph as PRECONDITION_FAILED", async () => {
    const { workflowId, v2 } = await workflowWithTwoVersions("Malformed draft");
    await saveDraft(testDb.db, designer, { workflowId, graph: { nodes: 1 }, expectedRevision: 2 });
    await expect(diffVersions(testDb.db, { fromVersionId: v2, toDraft: true })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("rollback", () => {
  it("publishes a new version equal to the old one, resets the draft and bumps its revision", async () => {
    const { workflowId, v1 } = await workflowWithTwoVersions("Rolled back");
    const v3 = await rollbackVersion(testDb.db, designer, { workflowId, versionId: v1, note: "v2 broke routing" });
    expect(v3).toMatchObject({ version: 3, note: "Rollback to v1: v2 broke routing", draftRevision: 3 });

    const diff = await diffVersions(testDb.db, { fromVersionId: v1, toVersionId: v3.id });
    expect(diff.diff).toEqual({
      nodes: { added: [], removed: [], changed: [], moved: [] },
      edges: { added: [], removed: [], changed: [] },
      document: [],
    });
    const draft = await diffVersions(testDb.db, { fromVersionId: v1, toDraft: true });
    expect(draft.to).toEqual({ kind: "draft", revision: 3 });
    expect(draft.diff.nodes.added).toEqual([]);

    // An editor still on revision 2 gets a conflict instead of overwriting the rollback.
    await expect(saveDraft(testDb.db, designer, { workflowId, graph: secondGraph(), expectedRevision: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: workflowId, action: "workflow.rolled_back" } });
    expect(JSON.parse(audit.data)).toEqual({ toVersion: 1, version: 3, note: "Rollback to v1: v2 broke routing" });
  });

  it("uses the plain note when none is given", async () => {
    const { workflowId, v1 } = await workflowWithTwoVersions("Plain note");
    expect((await rollbackVersion(testDb.db, designer, { workflowId, versionId: v1, note: "" })).note).toBe("Rollback to v1");
  });

  it("refuses unknown ids, a version of another workflow and an archived workflow", async () => {
    const first = await workflowWithTwoVersions("Rollback A");
    const second = await workflowWithTwoVersions("Rollback B");
    const attempt = (workflowId: string, versionId: string) => rollbackVersion(testDb.db, designer, { workflowId, versionId, note: "" });
    await expect(attempt("nope", first.v1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attempt(first.workflowId, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attempt(first.workflowId, second.v1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await archiveWorkflow(testDb.db, designer, { workflowId: first.workflowId, archived: true });
    await expect(attempt(first.workflowId, first.v1)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await listVersions(testDb.db, first.workflowId)).versions).toHaveLength(2);
  });
});
