import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signIn, watchCspViolations } from "./helpers";

/** Calls a tRPC procedure over HTTP as the signed-in page (superjson body `{ json }`). */
async function trpc<Output>(request: APIRequestContext, procedure: string, input: unknown): Promise<Output> {
  const response = await request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: Output } } }).result.data.json;
}

const start = { id: "start", type: "start", label: "Start", position: { x: 0, y: 0 }, config: { inputFields: [], triggers: ["manual"] } };
const done = { id: "done", type: "end", label: "Done", position: { x: 320, y: 0 }, config: { outcome: "completed" } };

/** v1: start → done. */
const graphV1 = {
  schemaVersion: 1,
  id: "refund-flow",
  name: "Refund flow",
  metadata: {},
  nodes: [start, done],
  edges: [{ id: "e-start-done", source: "start", sourceHandle: "next", target: "done" }],
};

/** v2: a wait step between them, the end relabelled and given a summary, the start moved. */
const graphV2 = {
  ...graphV1,
  nodes: [
    { ...start, position: { x: 0, y: 96 } },
    { id: "coolOff", type: "wait", label: "Cool-off", position: { x: 320, y: 0 }, config: { mode: "duration", duration: "PT1H" } },
    { ...done, label: "Refunded", position: { x: 640, y: 0 }, config: { outcome: "completed", summary: "Refund sent" } },
  ],
  edges: [
    { id: "e-start-cool", source: "start", sourceHandle: "next", target: "coolOff" },
    { id: "e-cool-done", source: "coolOff", sourceHandle: "done", target: "done" },
  ],
};

/** Creates a workflow through the API and publishes v1 and v2 of it. */
async function workflowWithTwoVersions(page: Page, name: string): Promise<string> {
  const { id } = await trpc<{ id: string }>(page.request, "workflow.create", { name, description: "Two versions", graph: graphV1 });
  await trpc(page.request, "workflow.publish", { workflowId: id, note: "First release" });
  await trpc(page.request, "workflow.saveDraft", { workflowId: id, graph: graphV2, expectedRevision: 1 });
  await trpc(page.request, "workflow.publish", { workflowId: id, note: "Adds a cool-off", expectedRevision: 2 });
  return id;
}

const row = (page: Page, name: string) => page.getByTestId(`workflow-row-${name}`);

test("a designer creates, finds, renames, duplicates and archives workflows from the list", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signIn(page, DEMO.designer);
  await page.goto("/workflows");
  await expect(row(page, "Invoice against purchase order")).toContainText("published v1");

  await page.getByRole("button", { name: "New workflow" }).click();
  const form = page.getByRole("form", { name: "Create workflow" });
  await form.getByLabel("Name").fill("Vendor onboarding");
  await form.getByLabel("Description (optional)").fill("Checks and registers new vendors");
  await form.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/workflows\/[a-z0-9]+$/);
  const editorUrl = page.url();

  await page.goto("/workflows");
  await page.getByRole("searchbox", { name: "Search workflows" }).fill("vendor onb");
  await expect(page.getByRole("table", { name: "Workflows" }).locator("tbody tr")).toHaveCount(1);
  await expect(row(page, "Vendor onboarding")).toContainText("draft only");
  await expect(row(page, "Vendor onboarding")).toContainText("Checks and registers new vendors");
  await expect(row(page, "Vendor onboarding")).toContainText("Designer");

  await row(page, "Vendor onboarding").getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New name").fill("Vendor onboarding (EU)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(row(page, "Vendor onboarding (EU)")).toBeVisible();

  await row(page, "Vendor onboarding (EU)").getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("status")).toHaveText("Created Vendor onboarding (EU) (copy).");
  await expect(row(page, "Vendor onboarding (EU) (copy)")).toContainText("draft only");

  await row(page, "Vendor onboarding (EU) (copy)").getByRole("button", { name: "Archive" }).click();
  await expect(row(page, "Vendor onboarding (EU) (copy)")).toHaveCount(0);
  await page.getByLabel("Show archived").check();
  await expect(row(page, "Vendor onboarding (EU) (copy)")).toContainText("archived");
  await row(page, "Vendor onboarding (EU) (copy)").getByRole("button", { name: "Unarchive" }).click();
  await expect(row(page, "Vendor onboarding (EU) (copy)")).not.toContainText("archived");
  await page.getByLabel("Show archived").uncheck();
  await expect(row(page, "Vendor onboarding (EU) (copy)")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search workflows" }).fill("no such workflow");
  await expect(page.getByText("No workflows match")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search workflows" }).fill("");
  await row(page, "Vendor onboarding (EU)").locator("td").nth(2).click();
  await expect(page).toHaveURL(editorUrl);
  expect(violations).toEqual([]);
});

test("a designer compares two versions, sees what changed, and rolls back", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signIn(page, DEMO.designer);
  const workflowId = await workflowWithTwoVersions(page, "Refund flow");

  await page.goto("/workflows");
  await expect(row(page, "Refund flow")).toContainText("published v2");
  await expect(row(page, "Refund flow")).not.toContainText("unpublished changes");
  await row(page, "Refund flow").getByRole("link", { name: "Versions" }).click();
  await expect(page).toHaveURL(`/workflows/${workflowId}/versions`);
  await expect(page.getByTestId("version-row-2")).toContainText("Adds a cool-off");
  await expect(page.getByTestId("version-row-1")).toContainText("Designer");

  const compare = page.getByRole("form", { name: "Compare versions" });
  await compare.getByLabel("From").selectOption({ label: "v1 — First release" });
  await compare.getByLabel("To").selectOption({ label: "v2 — Adds a cool-off" });
  await compare.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/versions\?from=.+&to=.+/);

  const comparison = page.getByRole("region", { name: "Comparison" });
  await expect(comparison.getByRole("heading", { name: "v1 → v2" })).toBeVisible();
  await expect(comparison.getByTestId("diff-node-coolOff")).toHaveAttribute("data-mark", "added");
  await expect(comparison.getByTestId("diff-node-done")).toHaveAttribute("data-mark", "changed");
  await expect(comparison.getByTestId("diff-edge-e-start-done")).toHaveAttribute("data-mark", "removed");
  await expect(comparison.getByTestId("diff-edge-e-start-cool")).toHaveAttribute("data-mark", "added");
  await expect(comparison.getByTestId("diff-moved-start")).toBeVisible();
  const doneChanges = comparison.getByTestId("diff-node-done");
  await expect(doneChanges.getByTestId("field-change-label")).toContainText('"Done"');
  await expect(doneChanges.getByTestId("field-change-label")).toContainText('"Refunded"');
  await expect(doneChanges.getByTestId("field-change-config.summary")).toContainText("(not set)");
  await expect(doneChanges.getByTestId("field-change-config.summary")).toContainText('"Refund sent"');
  // The canvas draws the union graph with the marks.
  await expect(comparison.getByTestId("node-coolOff")).toHaveClass(/overlay-added/);
  await expect(comparison.getByTestId("node-done")).toHaveClass(/overlay-changed/);
  await expect(comparison.getByTestId("node-start")).not.toHaveClass(/overlay-/);

  await page.getByTestId("version-row-1").getByRole("button", { name: "Roll back" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back to v1?" });
  await dialog.getByLabel("Note (optional)").fill("cool-off confused customers");
  await dialog.getByRole("button", { name: "Roll back to v1" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("version-row-3")).toContainText("Rollback to v1: cool-off confused customers");
  await expect(page.getByTestId("version-row-3")).toContainText("latest");

  // v3 equals v1, and the draft is v1's graph too.
  await page.getByTestId("version-row-1").getByRole("button", { name: "Compare" }).click();
  const popover = page.getByRole("form", { name: "Compare v1" });
  await popover.getByLabel("Compare v1 with").selectOption({ label: "the current draft" });
  await popover.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/to=draft/);
  await expect(page.getByText("No differences: the current draft has the same graph as v1.")).toBeVisible();

  // An editor still holding revision 2 is told that the draft changed.
  const stale = await page.request.post("/api/trpc/workflow.saveDraft", {
    data: { json: { workflowId, graph: graphV2, expectedRevision: 2 } },
  });
  expect(stale.status()).toBe(409);
  expect(violations).toEqual([]);
});
