import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn, watchCspViolations } from "./helpers";

const INVOICE_WORKFLOW = "Invoice against purchase order";

/** The id of a seeded workflow, read through the API as the signed-in designer. */
async function workflowId(page: Page, name: string): Promise<string> {
  const response = await page.request.get("/api/trpc/workflow.list");
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { id: string; name: string }[] } } };
  const workflow = body.result.data.json.find((candidate) => candidate.name === name);
  expect(workflow, `seeded workflow ${name}`).toBeDefined();
  return workflow!.id;
}

/** Fills the run dialog with an over-threshold invoice and starts the run. */
async function startInvoiceRun(page: Page, invoiceNumber: string) {
  const dialog = page.getByRole("dialog", { name: `Run ${INVOICE_WORKFLOW}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /Published version/ })).toBeChecked();
  await dialog.getByLabel("vendor").fill("Globex");
  await dialog.getByLabel("invoiceNumber").fill(invoiceNumber);
  await dialog.getByLabel("amount").fill("9000");
  await dialog.getByLabel("poNumber").fill("PO-1001");
  await expect(dialog.getByLabel("lines")).toHaveValue("[]");
  await page.screenshot({ path: "/tmp/runs-shot-dialog.png" });
  await dialog.getByRole("button", { name: "Start run" }).click();
  // Starting commits the run's first steps; give a busy test machine time.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** An approver, in a browser of their own, approves the run's pending approval on the run page. */
async function approveAsApprover(browser: Browser, runId: string, comment: string) {
  const context = await browser.newContext();
  const approver = await context.newPage();
  await signIn(approver, DEMO.approver);
  await approver.goto(`/runs/${runId}`);
  const decision = approver.getByTestId("pending-approval");
  await expect(decision).toContainText("INV-");
  await decision.getByLabel("Comment").fill(comment);
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByTestId("run-view")).toHaveAttribute("data-status", "completed");
  await context.close();
}

async function timelineSeqs(page: Page): Promise<number[]> {
  return (await page.getByTestId("timeline-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-seq")))).map(Number);
}

test("a designer runs the published invoice workflow from the editor and watches it live to the end", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  const violations = watchCspViolations(page);
  await signIn(page, DEMO.designer);
  const id = await workflowId(page, INVOICE_WORKFLOW);
  await page.goto(`/workflows/${id}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await startInvoiceRun(page, "INV-E2E-1");

  // The editor switches into live trace mode: the approval node lights up as active.
  const trace = page.getByTestId("editor-trace");
  await expect(trace).toBeVisible();
  await expect(trace).toHaveAttribute("data-status", "waiting");
  // The canvas draws only the nodes in view: fit the whole graph in.
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await expect(page.getByTestId("node-review")).toHaveClass(/overlay-active/);
  await expect(page.getByTestId("node-lookupPo")).toHaveClass(/overlay-visited/);
  await expect(trace.getByTestId("run-connection")).toHaveText("Live");
  await expect(trace.getByRole("list", { name: "Timeline" })).toContainText("Step finished: Look up purchase order");
  const runId = (await trace.getAttribute("data-run-id"))!;

  // Clicking a node on the canvas shows that step's details.
  await page.getByTestId("node-lookupPo").click();
  const details = trace.getByTestId("step-details");
  await expect(details).toContainText("Call to purchaseOrder.lookup");
  await expect(details).toContainText("PO-1001");
  await page.screenshot({ path: "/tmp/runs-shot-editor-live.png" });

  // An approver decides on the run page; the designer's editor follows live to the end.
  await approveAsApprover(browser, runId, "Variance explained by the vendor.");
  await expect(trace).toHaveAttribute("data-status", "completed");
  await expect(trace.getByTestId("run-status")).toContainText("completed");
  await expect(page.getByTestId("node-paid")).toHaveClass(/overlay-visited/);
  await expect(page.getByTestId("node-review")).toHaveClass(/overlay-visited/);
  await expect(trace.getByRole("list", { name: "Timeline" })).toContainText("Approval decided by Avery Approver: approved");
  await expect(trace.getByRole("list", { name: "Timeline" })).toContainText("Step finished: Schedule payment");
  expect(await timelineSeqs(page)).toEqual([1, 2, 3, 4, 5, 6]);
  await page.screenshot({ path: "/tmp/runs-shot-editor-done.png" });

  // The run list shows it; its page replays it step by step.
  await page.goto("/runs");
  const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await expect(row).toContainText(INVOICE_WORKFLOW);
  await expect(row).toContainText("v1");
  await expect(row.getByTestId("run-status")).toContainText("completed");
  await page.screenshot({ path: "/tmp/runs-shot-list.png" });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  const position = page.getByTestId("scrubber-position");
  await expect(position).toHaveText("Step 6 of 6");
  // The canvas draws only the nodes in view: fit the whole graph in (React Flow's own control).
  await page.getByRole("button", { name: "Fit View", exact: true }).click();
  await page.screenshot({ path: "/tmp/runs-shot-page.png" });
  await expect(page.getByTestId("node-paid")).toHaveClass(/overlay-visited/);
  for (let step = 0; step < 3; step++) await page.getByRole("button", { name: "Step back" }).click();
  await expect(position).toHaveText("Step 3 of 6");
  await expect(page.getByTestId("node-review")).toHaveClass(/overlay-active/);
  await expect(page.getByTestId("node-paid")).not.toHaveClass(/overlay-/);
  await expect(page.getByTestId("node-lookupPo")).toHaveClass(/overlay-visited/);
  await page.getByLabel("Step", { exact: true }).fill("1");
  await expect(position).toHaveText("Step 1 of 6");
  await expect(page.getByTestId("node-lookupPo")).toHaveClass(/overlay-active/);
  await page.getByRole("button", { name: "Step forward" }).click();
  await expect(position).toHaveText("Step 2 of 6");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(position).toHaveText("Step 6 of 6", { timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Step details of the approval: the request and the decision with its comment.
  await page.getByTestId("node-review").click();
  const review = page.getByTestId("step-details");
  await expect(review).toContainText("Approval request");
  await expect(review).toContainText("Variance explained by the vendor.");
  await page.screenshot({ path: "/tmp/runs-shot-detail.png" });
  expect(violations).toEqual([]);
});

test("a reload mid-run resumes the live trace without duplicates", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.designer);
  await page.goto("/runs");
  await page.getByRole("button", { name: "Start a run" }).click();
  await page.getByRole("dialog").getByLabel("Workflow").selectOption({ label: INVOICE_WORKFLOW });
  await startInvoiceRun(page, "INV-E2E-2");
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const runId = page.url().split("/").at(-1)!;

  const view = page.getByTestId("run-view");
  await expect(view).toHaveAttribute("data-status", "waiting");
  await expect(page.getByTestId("node-review")).toHaveClass(/overlay-active/);
  await page.reload();
  await expect(view).toHaveAttribute("data-status", "waiting");
  await expect(page.getByTestId("run-connection")).toHaveText("Live");
  expect(await timelineSeqs(page)).toEqual([1, 2, 3]);

  await approveAsApprover(browser, runId, "Fine.");
  await expect(view).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("timeline-row")).toHaveCount(6);
  expect(await timelineSeqs(page)).toEqual([1, 2, 3, 4, 5, 6]);

  // Filters: by status and by workflow.
  await page.goto("/runs");
  await page.getByLabel("Status").selectOption("completed");
  await expect(page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`)).toBeVisible();
  await page.getByLabel("Status").selectOption("waiting");
  await expect(page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`)).toHaveCount(0);
});
