import type { RuntimeOptions } from "../../server/runtime/runtime";

const SECRET_PREFIX = "FLOWGATE_SECRET_";

/**
 * The runtime settings the CLI reads from the environment (it is not the Next server, so it does
 * not go through `src/env.ts`): `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_MODEL`,
 * every `FLOWGATE_SECRET_<NAME>` and `HTTP_ALLOWLIST` (comma-separated hosts).
 *
 * @returns the settings, or the message naming a malformed variable.
 */
export function runtimeConfigFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; config: Pick<RuntimeOptions, "model" | "secrets" | "httpAllowlist"> } | { ok: false; message: string } {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const baseURL = text("OPENAI_BASE_URL");
  if (baseURL && !(URL.canParse(baseURL) && /^https?:$/.test(new URL(baseURL).protocol))) {
    return { ok: false, message: `OPENAI_BASE_URL must be an http(s) URL such as http://127.0.0.1:4010/v1, not "${baseURL}".` };
  }
  const secrets = Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string] => entry[0].startsWith(SECRET_PREFIX) && entry[0].length > SECRET_PREFIX.length && Boolean(entry[1]))
      .map(([name, value]) => [name.slice(SECRET_PREFIX.length), value]),
  );
  return {
    ok: true,
    config: {
      model: { apiKey: text("OPENAI_API_KEY"), baseURL, defaultModel: text("OPENAI_MODEL") ?? "gpt-4.1-mini" },
      secrets,
      httpAllowlist: (env.HTTP_ALLOWLIST ?? "").split(",").map((entry) => entry.trim()).filter(Boolean),
    },
  };
}
