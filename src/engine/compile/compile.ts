import { setup, type AnyStateMachine, type StateNode } from "xstate";

import { indexGraph } from "../analysis/graph-index";
import { analyzeRegions } from "../analysis/regions";
import { outcomesOf } from "../graph/node-types";
import type { Graph } from "../graph/schema";
import { actions } from "./actions";
import { guards } from "./guards";
import { hydrateStates } from "./hydrate";
import type { JsonState } from "./json-state";
import { statesOf } from "./node-state";
import type { CompileScope } from "./routes";
import type { RunContext, StateMeta } from "./types";

/** The plain JSON machine config: importable into Stately's editor, byte-identical for the same graph. */
export interface MachineJson {
  id: string;
  initial: string;
  context: RunContext;
  meta: { graphId: string; name: string; engine: "flowgate"; formatVersion: 1 };
  states: Record<string, JsonState>;
}

/** Result of {@link compile}. */
export interface CompiledWorkflow {
  /** The XState v5 machine; provide actor implementations with `machine.provide({ actors })`. */
  machine: AnyStateMachine;
  /** The same machine as plain JSON (guards, actions and actors referenced by key). */
  config: MachineJson;
  /** XState state id → graph node id, for every state that belongs to a node. */
  stateToNode: Record<string, string>;
}

/** The machine implementations: guards and actions are the engine's; actors are the runtime's. */
export const machineSetup = setup({
  types: {} as { context: RunContext; events: { type: string; [key: string]: unknown }; input: Record<string, unknown> | undefined },
  guards,
  actions,
});

function mapStates(node: StateNode<RunContext, { type: string }>, owner: string | undefined, into: Record<string, string>): void {
  const nodeId = (node.meta as StateMeta | undefined)?.nodeId ?? owner;
  if (nodeId !== undefined) into[node.id] = nodeId;
  for (const child of Object.values(node.states)) mapStates(child as StateNode<RunContext, { type: string }>, nodeId, into);
}

/**
 * Compiles a validated graph into an XState v5 machine, its JSON config and the state→node map.
 *
 * @remarks Pass the `graph` returned by `validateGraph` (defaults applied); the result for an
 * unvalidated graph is undefined. Start the machine with the run input:
 * `createActor(machine.provide({ actors }), { input: { amount: 1200 } })`. The events it accepts
 * and the actor keys it invokes are listed in docs/graph-format.md ("Compiled machines").
 * @example
 * const result = validateGraph(document);
 * if (result.ok) { const { machine, config } = compile(result.graph); }
 */
export function compile(graph: Graph): CompiledWorkflow {
  const index = indexGraph(graph.nodes, graph.edges);
  const regions = analyzeRegions(index, (forkId) => {
    const fork = index.nodes.get(forkId);
    return fork ? outcomesOf(fork) : [];
  });
  const scope: CompileScope = { index, regions };
  const topLevel = graph.nodes.filter((node) => !regions.containerOf.has(node.id)).map((node) => node.id);
  const start = graph.nodes.find((node) => node.type === "start")!;
  const config: MachineJson = {
    id: graph.id,
    initial: start.id,
    context: { input: {}, steps: {}, forks: {} },
    meta: { graphId: graph.id, name: graph.name, engine: "flowgate", formatVersion: 1 },
    states: statesOf(scope, topLevel),
  };
  const machine = machineSetup.createMachine({
    ...(config as unknown as Record<string, unknown>),
    context: ({ input }: { input: Record<string, unknown> | undefined }) => ({ input: input ?? {}, steps: {}, forks: {} }),
    states: hydrateStates(config.states),
  } as Parameters<typeof machineSetup.createMachine>[0]);
  const stateToNode: Record<string, string> = {};
  mapStates(machine.root as unknown as StateNode<RunContext, { type: string }>, undefined, stateToNode);
  return { machine, config, stateToNode };
}
