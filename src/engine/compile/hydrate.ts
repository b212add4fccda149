import type { JsonState } from "./json-state";
import { actorInput } from "./actor-input";
import type { RunContext } from "./types";

type StaticInput = Parameters<typeof actorInput>[0];

/**
 * Turns the JSON config into the config handed to `createMachine`: a deep copy in which each
 * invoke's static `input` becomes a function that adds the node's expressions evaluated over the
 * current context. Nothing else changes.
 */
export function hydrateStates(states: Record<string, JsonState>): Record<string, unknown> {
  const hydrated: Record<string, unknown> = {};
  for (const [key, state] of Object.entries(states)) {
    const copy: Record<string, unknown> = { ...state };
    if (state.invoke) {
      const staticInput = state.invoke.input as StaticInput;
      copy.invoke = { ...state.invoke, input: ({ context }: { context: RunContext }) => actorInput(staticInput, context) };
    }
    if (state.states) copy.states = hydrateStates(state.states);
    hydrated[key] = copy;
  }
  return hydrated;
}
