import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signInError, signOut, submitSignIn, watchCspViolations } from "./helpers";

const NAV = ["Workflows", "Runs", "Inbox", "Rules", "Dashboard", "Admin"] as const;

const EXPECTED_NAV: Record<keyof typeof DEMO, readonly (typeof NAV)[number][]> = {
  designer: ["Workflows", "Runs", "Dashboard"],
  approver: ["Runs", "Inbox", "Dashboard"],
  approver2: ["Runs", "Inbox", "Dashboard"],
  admin: NAV,
};

async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
}

test("an unauthenticated visit is redirected to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkflows$/);
  await page.getByLabel("Email").fill(DEMO.designer);
  await page.getByLabel("Password").fill("flowgate-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
});

for (const role of Object.keys(EXPECTED_NAV) as (keyof typeof DEMO)[]) {
  test(`a ${role} sees exactly the navigation the role allows`, async ({ page }) => {
    const violations = watchCspViolations(page);
    await signIn(page, DEMO[role]);
    expect((await navLinks(page)).filter((text) => text !== "Flowgate")).toEqual(EXPECTED_NAV[role]);
    await expect(page.getByTestId("current-role")).toHaveText(role === "approver2" ? "approver" : role);
    expect(violations).toEqual([]);
  });
}

test("a page outside the role is refused on the server", async ({ page }) => {
  await signIn(page, DEMO.designer);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  const api = await page.request.get("/api/trpc/user.list");
  expect(api.status()).toBe(403);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await submitSignIn(page, DEMO.approver, "not the password");
  await expect(signInError(page)).toHaveText("Invalid email or password.");
  await submitSignIn(page, "nobody@flowgate.local", "not the password");
  await expect(signInError(page)).toHaveText("Invalid email or password.");
});

test("repeated failures for one account are rate-limited", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, DEMO.approver2, `wrong-${i}`);
    await expect(signInError(page)).toHaveText("Invalid email or password.");
  }
  await submitSignIn(page, DEMO.approver2, "flowgate-demo");
  await expect(signInError(page)).toContainText("Too many failed sign-in attempts");
});

test("an admin creates a user who can sign in, then deactivates them and they are locked out", async ({
  page,
  browser,
}) => {
  const violations = watchCspViolations(page);
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Admin" }).click();
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill("Nora New");
  await form.getByLabel("Email").fill("nora@flowgate.local");
  await form.getByLabel("Role").selectOption("approver");
  await form.getByLabel("Initial password").fill("nora-password-1");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toHaveText("Created nora@flowgate.local.");
  await expect(page.getByTestId("user-row-nora@flowgate.local")).toContainText("active");

  // Nora signs in in her own browser context and sees the approver's navigation.
  const noraContext = await browser.newContext();
  const nora = await noraContext.newPage();
  await signIn(nora, "nora@flowgate.local", "nora-password-1");
  expect(await navLinks(nora)).toContain("Inbox");

  await page.getByTestId("user-row-nora@flowgate.local").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("user-row-nora@flowgate.local")).toContainText("deactivated");

  // Her open session no longer reaches pages or the API ...
  await nora.reload();
  await expect(nora).toHaveURL(/\/signin/);
  expect((await nora.request.get("/api/trpc/user.me")).status()).toBe(401);
  // ... and she cannot sign in again.
  await submitSignIn(nora, "nora@flowgate.local", "nora-password-1");
  await expect(signInError(nora)).toHaveText("Invalid email or password.");
  await noraContext.close();

  // The audit log shows what the admin did.
  await page.goto("/admin/audit");
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("user.deactivated");
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("user.created");
  await signOut(page);
  expect(violations).toEqual([]);
});

test("responses carry the security headers", async ({ page }) => {
  const response = await page.goto("/signin");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
});
