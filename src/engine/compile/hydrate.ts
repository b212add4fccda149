import type { JsonState } from "./json-state";
import { actorInput } from "./actor-input";
import type { RunContext } from "./types";

type StaticInput = Parameters<typeof actorInput>[0];

function hydrateState(state: JsonState): unknown {
  const states = state.states && hydrateStates(state.states);
  if (!state.invoke && states === state.states) return state;
  const copy: Record<string, unknown> = { ...state };
  if (states) copy.states = states;
  if (state.invoke) {
    const staticInput = state.invoke.input as StaticInput;
    copy.invoke = { ...state.invoke, input: ({ context }: { context: RunContext }) => actorInput(staticInput, context) };
  }
  return copy;
}

/**
 * Turns the JSON config into the config handed to `createMachine`: each invoke's static `input`
 * becomes a function that adds the node's expressions evaluated over the current context. Nothing
 * else changes; states without an invoke below them are shared with the JSON config, not copied.
 */
export function hydrateStates(states: Record<string, JsonState>): Record<string, unknown> {
  const hydrated: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(states)) {
    const state = hydrateState(states[key]!);
    hydrated[key] = state;
    changed ||= state !== states[key];
  }
  return changed ? hydrated : states;
}
