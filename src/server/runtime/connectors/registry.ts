import { z } from "zod";
import { AppError } from "~/server/errors";
import type { LlmToolDefinition } from "~/server/runtime/llm/types";
import { BUILTIN_CONNECTORS } from "./builtin";
import type { Connector, SideEffect } from "./contract";

/** What the designer's connector picker and the docs show about a connector. */
export type ConnectorDescription = {
  name: string;
  description: string;
  sideEffect: SideEffect;
  /** JSON Schema of the connector's input. */
  inputSchema: Record<string, unknown>;
};

/** Looks connectors up by name and describes them for people and for models. */
export interface ConnectorRegistry {
  /** @throws AppError("NOT_FOUND") for an unknown name. */
  get(name: string): Connector;
  list(): ConnectorDescription[];
  /** The connector as an LLM function tool; its name is {@link toolNameOf} the connector's. */
  toolDefinition(name: string): LlmToolDefinition;
}

/**
 * The tool name a model sees for a connector: OpenAI tool names allow only `[a-zA-Z0-9_-]`, so
 * dots become `__` (connector names contain no `_`, so the mapping is reversible).
 *
 * @example toolNameOf("payment.schedule") // "payment__schedule"
 */
export function toolNameOf(connectorName: string): string {
  return connectorName.replaceAll(".", "__");
}

/**
 * The connector a tool name stands for; the inverse of {@link toolNameOf}.
 *
 * @example connectorNameOf("payment__schedule") // "payment.schedule"
 */
export function connectorNameOf(toolName: string): string {
  return toolName.replaceAll("__", ".");
}

/** The input's JSON Schema as callers fill it in (defaulted fields optional), without the `$schema` dialect line. */
function inputJsonSchema(connector: Connector): Record<string, unknown> {
  const schema: Record<string, unknown> = z.toJSONSchema(connector.input, { unrepresentable: "any", io: "input" });
  delete schema.$schema;
  return schema;
}

/**
 * Creates a registry over `connectors` (the built-in ones by default).
 *
 * @throws Error when two connectors share a name.
 * @example
 * const registry = createConnectorRegistry();
 * await registry.get("purchaseOrder.lookup").execute({ poNumber: "PO-1001" }, context);
 */
export function createConnectorRegistry(connectors: readonly Connector[] = BUILTIN_CONNECTORS): ConnectorRegistry {
  const byName = new Map<string, Connector>();
  for (const connector of connectors) {
    if (byName.has(connector.name)) throw new Error(`Duplicate connector "${connector.name}"`);
    byName.set(connector.name, connector);
  }
  const get = (name: string): Connector => {
    const connector = byName.get(name);
    if (!connector) throw new AppError("NOT_FOUND", `Unknown connector ${name}`);
    return connector;
  };
  return {
    get,
    list: () =>
      [...byName.values()].map((connector) => ({
        name: connector.name,
        description: connector.description,
        sideEffect: connector.sideEffect,
        inputSchema: inputJsonSchema(connector),
      })),
    toolDefinition: (name) => {
      const connector = get(name);
      return { name: toolNameOf(connector.name), description: connector.description, parameters: inputJsonSchema(connector) };
    },
  };
}
