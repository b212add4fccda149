import type { NodeOf } from "../../graph/schema";
import { ROUTE, type JsonState } from "../json-state";
import { routeTransitions, type CompileScope } from "../routes";
import type { TimerSpec } from "../types";

/** Wait: a durable timer (`TIMER.FIRED`) or a named `SIGNAL`, with an optional timeout timer. */
export function waitState(scope: CompileScope, node: NodeOf<"wait">): JsonState {
  const { config } = node;
  const timerTransition = (timer: TimerSpec, outcome: string) => ({
    target: ROUTE,
    guard: { type: "timerIs", params: { timerId: timer.id } },
    actions: [{ type: "setOutcome", params: { node: node.id, outcome } }],
  });
  let timers: TimerSpec[] = [];
  let on: NonNullable<JsonState["on"]>;
  if (config.mode === "signal") {
    const timeout = config.timeout ? { id: `${node.id}.timeout`, delay: config.timeout } : undefined;
    timers = timeout ? [timeout] : [];
    on = {
      SIGNAL: [{ target: ROUTE, guard: { type: "signalIs", params: { name: config.signal } }, actions: [{ type: "recordSignal", params: { node: node.id } }] }],
      ...(timeout ? { "TIMER.FIRED": [timerTransition(timeout, "timeout")] } : {}),
    };
  } else {
    const timer = config.mode === "duration" ? { id: `${node.id}.wait`, delay: config.duration } : { id: `${node.id}.wait`, at: config.until };
    timers = [timer];
    on = { "TIMER.FIRED": [timerTransition(timer, "done")] };
  }
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: "wait" },
    initial: "waiting",
    states: {
      waiting: { meta: { nodeId: node.id, nodeType: "wait", ...(timers.length > 0 ? { timers } : {}) }, on },
      [ROUTE]: { always: routeTransitions(scope, node) },
    },
  };
}
