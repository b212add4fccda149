import { UNRESOLVED } from "../../graph/nodes/escalation";
import type { NodeOf } from "../../graph/schema";
import { ROUTE, type JsonState } from "../json-state";
import type { JsonTransition } from "../routes";
import { routeTransitions, type CompileScope } from "../routes";

/** Timer id of a tier's "time exceeded" trigger. */
export const tierTimer = (nodeId: string, tierId: string) => `${nodeId}.${tierId}.timeout`;

/**
 * Escalation: one substate per tier. Auto tiers invoke the `escalation` actor, human tiers wait
 * for `ESCALATION.RESULT`. A result that fires the tier's triggers moves the case up (with the
 * hand-off history); a resolved result routes via the tier's outcome; a failure stays in the tier
 * (counting errors), except in the last tier, which gives up as `unresolved`. Each tier first
 * passes `checking`, where the case text and amount can move the case up before any work starts;
 * `timeExceeded` is a durable timer.
 */
export function escalationState(scope: CompileScope, node: NodeOf<"escalation">): JsonState {
  const { tiers, subject, amount } = node.config;
  const states: Record<string, JsonState> = {};
  tiers.forEach((tier, index) => {
    const next = tiers[index + 1]?.id;
    const params = { node: node.id, tier: tier.id, subject, ...(amount ? { amount } : {}), ...(next ? { triggers: tier.triggers } : {}) };
    const record = (extra: Record<string, unknown>) => [{ type: "recordTier", params: { ...params, ...extra } }];
    const at = (key: string) => `#${node.id}.${key}`;
    const onResult: JsonTransition[] = [
      ...(next ? [{ target: at(next), guard: { type: "tierEscalates", params }, actions: record({ next }) }] : []),
      { target: at(ROUTE), guard: { type: "tierResolved", params }, actions: record({ outcome: tier.id }) },
      next
        ? { target: at(tier.id), reenter: true, guard: { type: "tierResult", params }, actions: record({}) }
        : { target: at(ROUTE), guard: { type: "tierResult", params }, actions: record({ outcome: UNRESOLVED }) },
    ];
    const timer = next && tier.triggers.timeExceeded ? { id: tierTimer(node.id, tier.id), delay: tier.triggers.timeExceeded } : undefined;
    const on: NonNullable<JsonState["on"]> = {};
    if (tier.handler === "human") on["ESCALATION.RESULT"] = onResult;
    if (timer && next) {
      on["TIMER.FIRED"] = [
        { target: at(next), guard: { type: "timerIs", params: { timerId: timer.id } }, actions: record({ next, reason: `time exceeded ${timer.delay}` }) },
      ];
    }
    const working: JsonState = {
      ...(tier.handler === "auto"
        ? {
            invoke: {
              id: `${node.id}.${tier.id}`,
              src: "escalation",
              input: { nodeId: node.id, nodeType: "escalation", config: node.config, tier: tier.id },
              onDone: onResult,
              onError: onResult,
            },
          }
        : {}),
      ...(Object.keys(on).length > 0 ? { on } : {}),
    };
    const checking: JsonState = {
      always: [
        ...(next ? [{ target: at(next), guard: { type: "tierEscalatesOnEntry", params }, actions: record({ next, onEntry: true }) }] : []),
        { target: "working" },
      ],
    };
    states[tier.id] = {
      meta: { nodeId: node.id, nodeType: "escalation", ...(timer ? { timers: [timer] } : {}) },
      initial: "checking",
      states: { checking, working },
    };
  });
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: "escalation" },
    initial: tiers[0]!.id,
    entry: [{ type: "openEscalation", params: { node: node.id, tier: tiers[0]!.id } }],
    states: { ...states, [ROUTE]: { always: routeTransitions(scope, node) } },
  };
}
