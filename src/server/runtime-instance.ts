import "server-only";
import { env } from "~/env";
import { db } from "~/server/db";
import { systemClock } from "~/server/runtime/clock";
import { Runtime } from "~/server/runtime/runtime";

// One runtime per server process, cached on globalThis so Next's dev reloads do not start a second.
const globalForRuntime = globalThis as unknown as { flowgateRuntime?: Runtime };

/** The process's runtime, configured from the validated environment. */
export function getRuntime(): Runtime {
  globalForRuntime.flowgateRuntime ??= new Runtime({
    db,
    clock: systemClock,
    model: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, defaultModel: env.OPENAI_MODEL },
    secrets: env.CONNECTOR_SECRETS,
    httpAllowlist: env.HTTP_ALLOWLIST,
    maxSteps: env.RUN_MAX_STEPS,
  });
  return globalForRuntime.flowgateRuntime;
}
