import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SECRETS_DIR = join(process.cwd(), "data", "secrets");

/**
 * Returns a secret stored under `data/secrets/` (git-ignored), creating it on first use.
 *
 * @remarks Lets the embedded mode start with no configuration while never committing a secret.
 * The file is created with mode 0600 and exclusively (`wx`), so two processes starting at once
 * agree on one value.
 */
export function loadOrCreateLocalSecret(name: string): string {
  const file = join(SECRETS_DIR, name);
  if (!existsSync(file)) {
    mkdirSync(SECRETS_DIR, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}
