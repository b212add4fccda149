import type { PrismaClient } from "~/server/db/client";
import { VirtualClock } from "~/server/runtime/clock";
import type { Connector, ConnectorContext } from "./contract";

/** A connector context for tests: a virtual clock at 2026-01-01, no secrets, an empty allowlist. */
export function connectorTestContext(db: PrismaClient, overrides: Partial<ConnectorContext> = {}): ConnectorContext {
  return {
    db,
    runId: "run-1",
    workflowId: "workflow-1",
    nodeId: "step",
    idempotencyKey: "run-1:step:1",
    clock: new VirtualClock(),
    signal: new AbortController().signal,
    secrets: {},
    httpAllowlist: [],
    ...overrides,
  };
}

/** Calls a connector as the runtime does: input parsed (defaults applied), output checked against the schema. */
export async function callConnector(connector: Connector, input: unknown, context: ConnectorContext): Promise<unknown> {
  return connector.output.parse(await connector.execute(connector.input.parse(input), context));
}
