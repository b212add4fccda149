import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, watchCspViolations } from "./helpers";

/** Creates a workflow through the API (superjson body) and returns its id. */
async function createWorkflow(page: Page, name: string): Promise<string> {
  const response = await page.request.post("/api/trpc/workflow.create", { data: { json: { name } } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}

interface SavedDraft {
  draftRevision: number;
  draft: {
    id: string;
    nodes: { id: string; type: string; label?: string; config: Record<string, unknown> }[];
    edges: { id: string; source: string; sourceHandle: string; target: string }[];
  };
}

async function savedDraft(page: Page, workflowId: string): Promise<SavedDraft> {
  const input = encodeURIComponent(JSON.stringify({ json: { workflowId } }));
  const response = await page.request.get(`/api/trpc/workflow.get?input=${input}`);
  return ((await response.json()) as { result: { data: { json: SavedDraft } } }).result.data.json;
}

async function openEditor(page: Page, workflowId: string) {
  await page.goto(`/workflows/${workflowId}`);
  await expect(page.getByTestId("workflow-canvas")).toBeVisible();
  await expect(page.getByTestId("node-start")).toBeVisible();
}

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Details" });
const saveStatus = (page: Page) => page.getByTestId("save-status");

/** Drags from a node's outcome handle to another node's input handle, as a designer does. */
async function connect(page: Page, source: string, outcome: string, target: string) {
  const edges = await page.locator(".react-flow__edge").count();
  // React Flow connects on click too: click the outcome's handle, then the target's. Unlike a
  // drag, a click cannot be thrown off by the canvas panning while the pointer nears its border.
  await page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${outcome}"]`).click();
  await page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`).click();
  await expect(page.locator(".react-flow__edge")).toHaveCount(edges + 1);
}

/** Selects an edge the way a click on its line does. */
async function selectEdge(page: Page, edgeId: string) {
  await page.getByTestId(`rf__edge-${edgeId}`).locator("path.react-flow__edge-interaction").dispatchEvent("click");
}

/** Waits until the viewport stops moving (fit-view animations), so handles stay where they were measured. */
async function waitForViewportToSettle(page: Page) {
  const transform = () => page.locator(".react-flow__viewport").evaluate((element) => getComputedStyle(element).transform);
  let previous = "";
  await expect
    .poll(async () => {
      const current = await transform();
      const settled = current === previous;
      previous = current;
      return settled;
    }, { intervals: [150] })
    .toBe(true);
}

/** Moves keyboard focus out of form fields, so canvas shortcuts apply. */
async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test("a designer builds a workflow on the canvas, fixes its problems and publishes it", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signIn(page, DEMO.designer);
  const workflowId = await createWorkflow(page, `Designer build ${Date.now()}`);
  await openEditor(page, workflowId);
  await expect(page.getByTestId("problem-count")).toHaveText("No problems");

  // Remove the starter edge: select it, press Delete.
  await selectEdge(page, "e-start-done");
  await expect(inspector(page).getByRole("heading", { name: "Edge" })).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("rf__edge-e-start-done")).toHaveCount(0);

  // A task by click (lands at the viewport centre), an approval by drag and drop.
  await page.getByRole("button", { name: "Add Task" }).click();
  await expect(node(page, "task")).toBeVisible();
  await inspector(page).getByLabel("Connector").fill("transform");
  await inspector(page).getByLabel("Label", { exact: true }).fill("Transform invoice");
  await expect(node(page, "task")).toContainText("Transform invoice");
  await expect(node(page, "task")).toContainText("transform");

  await page.getByTestId("palette-approval").dragTo(page.getByTestId("workflow-canvas"), { targetPosition: { x: 200, y: 360 } });
  await expect(node(page, "approval")).toBeVisible();
  await inspector(page).getByLabel("Summary").fill("Pay this invoice?");
  await inspector(page).getByLabel("Roles").fill("approver");
  await inspector(page).getByLabel("Roles").press("Enter");
  await expect(node(page, "approval")).toContainText("approver");

  // A template naming an unknown input field is flagged in the inspector as you type.
  await inspector(page).getByLabel("Details").fill("Amount {{ input.amount }}");
  await expect(inspector(page).getByTestId("expression-error")).toContainText("input.amount is not an input field");
  await inspector(page).getByLabel("Details").fill("");
  await expect(inspector(page).getByTestId("expression-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect(page.getByRole("button", { name: "Auto-layout" })).toBeEnabled();
  await page.waitForTimeout(400);
  await waitForViewportToSettle(page);

  await connect(page, "start", "next", "task");
  await connect(page, "task", "success", "approval");
  await connect(page, "task", "error", "done");
  await connect(page, "approval", "approve", "done");
  await connect(page, "approval", "reject", "done");
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);

  // The approval's "changes" outcome has no edge yet: the node says so.
  const badge = page.getByTestId("node-problems-approval");
  await expect(badge).toHaveText("1");
  await expect(node(page, "approval")).toHaveAttribute("title", /changes/);
  await expect(page.getByRole("region", { name: "Problems" })).toContainText("changes");
  await connect(page, "approval", "changes", "done");
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId("problem-count")).toHaveText("No problems");

  // An edge condition with a syntax error points at the position.
  // Edges are numbered as they are drawn: e2 is task.success → approval.
  await expect(page.getByTestId("rf__edge-e2")).toBeVisible();
  await selectEdge(page, "e2");
  const condition = inspector(page).getByLabel("Condition");
  await condition.fill("input.amount >");
  await expect(inspector(page).getByTestId("expression-error")).toContainText("1:");
  await expect(inspector(page).getByTestId("expression-error").locator("pre")).toContainText("^");
  await condition.fill("");
  await expect(inspector(page).getByTestId("expression-error")).toHaveCount(0);

  // Copy, paste, delete, undo and redo.
  await node(page, "approval").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(node(page, "approval2")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(node(page, "approval2")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(node(page, "approval2")).toBeVisible();
  await page.keyboard.press("Control+Shift+z");
  await expect(node(page, "approval2")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(node(page, "approval2")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(node(page, "approval2")).toHaveCount(0);

  // The shortcuts overlay.
  await blur(page);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Copy selected nodes");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Autosave put the graph on the server.
  await expect(saveStatus(page)).toHaveText("Saved");
  const saved = await savedDraft(page, workflowId);
  expect(saved.draft.nodes.map((item) => item.id).sort()).toEqual(["approval", "done", "start", "task"]);
  expect(saved.draft.edges).toHaveLength(6);
  expect(saved.draft.nodes.find((item) => item.id === "task")?.config.connector).toBe("transform");
  expect(saved.draft.nodes.find((item) => item.id === "approval")?.config.assignees).toEqual({ users: [], roles: ["approver"] });

  await page.screenshot({ path: "test-results/designer-built.png" });

  // Publish with a note; the version appears in the versions panel.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish a new version" });
  await dialog.getByLabel("Version note").fill("First cut: transform, then approval");
  await dialog.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("editor-notice")).toHaveText(/Published version 1/);
  await expect(page.getByTestId("version-1")).toContainText("First cut: transform, then approval");
  await expect(page.getByTestId("version-1")).toContainText("Dana Designer");
  expect(violations).toEqual([]);
});

test("an invalid draft cannot be published and shows why", async ({ page }) => {
  await signIn(page, DEMO.designer);
  const workflowId = await createWorkflow(page, `Designer invalid ${Date.now()}`);
  await openEditor(page, workflowId);
  await page.getByRole("button", { name: "Add Wait" }).click();
  await expect(node(page, "wait")).toBeVisible();
  await expect(page.getByTestId("node-problems-wait")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "This draft cannot be published yet" });
  await expect(dialog).toContainText("problem");
  await dialog.getByRole("button", { name: "Back to the canvas" }).click();

  // A click in the problems list selects the node in the inspector.
  await page.getByRole("region", { name: "Problems" }).getByRole("button", { name: /wait/ }).first().click();
  await expect(inspector(page).getByRole("heading", { name: "Wait" })).toBeVisible();
});

test("graphs are imported and exported as JSON, and the machine config only when valid", async ({ page }) => {
  await signIn(page, DEMO.designer);
  const workflowId = await createWorkflow(page, `Designer files ${Date.now()}`);
  await openEditor(page, workflowId);
  const file = page.getByRole("toolbar", { name: "Editor" });

  // Export the graph.
  await file.getByText("File", { exact: true }).click();
  const [graphDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Export JSON" }).click()]);
  const exported = JSON.parse(readFileSync((await graphDownload.path()) ?? "", "utf8")) as SavedDraft["draft"];
  expect(exported.nodes.map((item) => item.id)).toEqual(["start", "done"]);

  // Export the XState machine of the valid starter graph.
  await file.getByText("File", { exact: true }).click();
  const [machineDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Export XState machine" }).click()]);
  expect(machineDownload.suggestedFilename()).toMatch(/\.machine\.json$/);
  const machine = JSON.parse(readFileSync((await machineDownload.path()) ?? "", "utf8")) as { id: string; states: Record<string, unknown> };
  expect(machine.id).toBe(exported.id);
  expect(Object.keys(machine.states)).toEqual(expect.arrayContaining(["start", "done"]));

  // A file that does not parse changes nothing.
  await page.getByTestId("import-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(page.getByTestId("editor-notice")).toContainText("not valid JSON");
  await expect(page.locator(".react-flow__node")).toHaveCount(2);

  // A real workflow file replaces the graph (undoable) and is saved.
  await page.getByTestId("import-file").setInputFiles("examples/ticket-triage.json");
  await expect(page.getByTestId("editor-notice")).toContainText("Imported");
  await expect(page.getByTestId("problem-count")).toHaveText("No problems");
  await expect(saveStatus(page)).toHaveText("Saved");
  expect((await savedDraft(page, workflowId)).draft.id).toBe("ticket-triage");

  // An invalid graph has no machine to export: the editor says why.
  await page.getByRole("button", { name: "Add Task" }).click();
  await file.getByText("File", { exact: true }).click();
  await page.getByRole("menuitem", { name: "Export XState machine" }).click();
  await expect(page.getByTestId("editor-notice")).toContainText("once the graph is valid");
});

test("two tabs editing one workflow never overwrite each other silently", async ({ page, context }) => {
  await signIn(page, DEMO.designer);
  const workflowId = await createWorkflow(page, `Designer conflict ${Date.now()}`);
  const second = await context.newPage();
  await openEditor(page, workflowId);
  await openEditor(second, workflowId);

  await page.getByRole("button", { name: "Add Task" }).click();
  await expect(saveStatus(page)).toHaveText("Saved");

  await second.getByRole("button", { name: "Add Wait" }).click();
  await expect(second.getByTestId("conflict-banner")).toContainText("Someone else saved this workflow");
  await expect(saveStatus(second)).toHaveText("Conflict");

  await second.getByTestId("conflict-banner").getByRole("button", { name: "Reload" }).click();
  await expect(second.getByTestId("conflict-banner")).toHaveCount(0);
  await expect(node(second, "task")).toBeVisible();
  await expect(node(second, "wait")).toHaveCount(0);
  await expect(saveStatus(second)).toHaveText("Saved");

  // Now the second tab saves first; the first tab forks its own change into a new workflow.
  await second.getByRole("button", { name: "Add LLM" }).click();
  await expect(saveStatus(second)).toHaveText("Saved");
  await page.getByRole("button", { name: "Add Join" }).click();
  await expect(page.getByTestId("conflict-banner")).toBeVisible();
  await page.getByTestId("conflict-banner").getByRole("button", { name: "Fork" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/workflows/${workflowId}$`));
  await expect(page.getByRole("heading", { name: /\(fork\)$/ })).toBeVisible();
  await expect(node(page, "join")).toBeVisible();
  await expect(node(page, "llm")).toHaveCount(0);

  const original = await savedDraft(page, workflowId);
  expect(original.draft.nodes.map((item) => item.id).sort()).toEqual(["done", "llm", "start", "task"]);
});
