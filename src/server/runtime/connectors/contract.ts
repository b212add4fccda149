import type { z } from "zod";
import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";

/**
 * What a connector does to the world. `none` and `read` are safe to repeat and run in shadow mode;
 * `write` and `external` change something, so they carry an idempotency key and are only previewed
 * in shadow mode.
 */
export type SideEffect = "none" | "read" | "write" | "external";

/** What a connector call gets besides its input. */
export interface ConnectorContext {
  db: PrismaClient;
  runId: string;
  workflowId: string;
  nodeId: string;
  /** Derived from run, node and visit: the same on every retry and after a restart. */
  idempotencyKey: string;
  clock: Clock;
  /** Aborted on the step's timeout or when the run is cancelled. */
  signal: AbortSignal;
  /** Server-side secrets, referenced by name (`{{secret.NAME}}`); never stored or logged. */
  secrets: Readonly<Record<string, string>>;
  /** Hosts the HTTP connector may reach even though they are private or loopback. */
  httpAllowlist: readonly string[];
}

/**
 * A typed tool contract: input and output schemas, the declared side effect, and the call itself.
 *
 * @remarks A connector that fails in a way another attempt may fix throws an error with
 * `retryable: true` (see `ConnectorError`); every other error fails the step at once.
 */
export interface Connector<I = unknown, O = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  sideEffect: SideEffect;
  execute(input: I, context: ConnectorContext): Promise<O>;
  /** What the step reports in shadow mode instead of calling `execute` (side-effecting connectors). */
  preview?(input: I): O;
}

/** Helps TypeScript infer I and O from the schemas while storing connectors side by side. */
export function defineConnector<I, O>(connector: Connector<I, O>): Connector<unknown, unknown> {
  return connector as unknown as Connector<unknown, unknown>;
}
