import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "flowgate-demo";

export const DEMO = {
  designer: "designer@flowgate.local",
  approver: "approver@flowgate.local",
  approver2: "approver2@flowgate.local",
  admin: "admin@flowgate.local",
} as const;

export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Collects Content-Security-Policy violations reported in the console. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The sign-in form's own error (Next's route announcer is an alert too). */
export function signInError(page: Page) {
  return page.getByRole("form", { name: "Sign in" }).getByRole("alert");
}
