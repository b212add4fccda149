import type { JsonTransition } from "./routes";
import type { StateMeta } from "./types";

/** An action reference in the JSON config. */
export interface JsonAction {
  type: string;
  params: Record<string, unknown>;
}

/** An invoked actor in the JSON config; `input` is static here and completed at run time. */
export interface JsonInvoke {
  id: string;
  src: string;
  input: { nodeId: string; nodeType: string; config: unknown; tier?: string };
  onDone: JsonTransition[];
  onError: JsonTransition[];
}

/** A state node of the JSON machine config (the subset of XState's config the compiler emits). */
export interface JsonState {
  id?: string;
  type?: "parallel" | "final";
  initial?: string;
  meta?: StateMeta;
  entry?: JsonAction[];
  invoke?: JsonInvoke;
  on?: Record<string, JsonTransition[]>;
  always?: JsonTransition[];
  states?: Record<string, JsonState>;
}

/** Key of the substate where a node picks its outgoing edge once its outcome is recorded. */
export const ROUTE = "route";
