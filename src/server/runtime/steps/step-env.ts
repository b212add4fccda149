import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";
import type { ConnectorRegistry } from "~/server/runtime/connectors/registry";
import type { LlmClient } from "~/server/runtime/llm";

/** What step implementations use besides the run itself. */
export interface StepEnv {
  db: PrismaClient;
  clock: Clock;
  connectors: ConnectorRegistry;
  llm: LlmClient;
  /** Whether a model is configured at all; without one, llm steps take their fallback route. */
  modelConfigured: boolean;
  secrets: Readonly<Record<string, string>>;
  httpAllowlist: readonly string[];
  /** Waits between retries (real time; tests pass a faster one). */
  sleep: (ms: number) => Promise<void>;
  /** Makes a stored payload safe and bounded. */
  sanitize: (value: unknown) => unknown;
}
