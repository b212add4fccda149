import "server-only";
import { z } from "zod";
import { loadOrCreateLocalSecret } from "~/server/local-secret";

/**
 * The only reader of `process.env`. Every variable is validated once, at start-up; a missing or
 * malformed one stops the server with a message that names it. Defaults make the embedded
 * (SQLite) mode work with no `.env` at all.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./data/flowgate.db")
      .refine((url) => url.startsWith("file:"), {
        message: "must be a SQLite file URL such as file:./data/flowgate.db",
      }),
    NEXTAUTH_SECRET: optionalText.pipe(
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    OIDC_ISSUER: optionalText.pipe(z.url("must be the issuer's https URL").optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: z.string().default("Single sign-on"),
    SEED_DEMO_DATA: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url("must be an http(s) URL such as http://127.0.0.1:4010/v1").optional()),
    OPENAI_MODEL: z.string().trim().min(1).default("gpt-4.1-mini"),
    HTTP_ALLOWLIST: z
      .string()
      .default("")
      .transform((list) => list.split(",").map((entry) => entry.trim()).filter(Boolean)),
    RUN_MAX_STEPS: z.coerce.number().int().min(10).max(1_000_000).default(1000),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  })
  .superRefine((env, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    const present = oidc.filter((name) => env[name] !== undefined);
    if (present.length > 0 && present.length < oidc.length) {
      for (const name of oidc.filter((n) => env[n] === undefined)) {
        ctx.addIssue({ code: "custom", path: [name], message: "is required when any OIDC_ variable is set" });
      }
    }
  });

export type Env = z.infer<typeof schema> & {
  NEXTAUTH_SECRET: string;
  /** Secrets that workflow steps reference by name as `{{secret.NAME}}`: every `FLOWGATE_SECRET_<NAME>` variable. */
  CONNECTOR_SECRETS: Record<string, string>;
};

const SECRET_PREFIX = "FLOWGATE_SECRET_";

function connectorSecrets(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source)
      .filter((entry): entry is [string, string] => entry[0].startsWith(SECRET_PREFIX) && typeof entry[1] === "string" && entry[1] !== "")
      .map(([name, value]) => [name.slice(SECRET_PREFIX.length), value]),
  );
}

/** Validates a variables object; exported for tests. Throws an Error naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return {
    ...result.data,
    NEXTAUTH_SECRET: result.data.NEXTAUTH_SECRET ?? loadOrCreateLocalSecret("nextauth-secret"),
    CONNECTOR_SECRETS: connectorSecrets(source),
  };
}

export const env: Env = parseEnv(process.env);
