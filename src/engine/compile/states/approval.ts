import type { NodeOf } from "../../graph/schema";
import { ROUTE, type JsonState } from "../json-state";
import { routeTransitions, type CompileScope } from "../routes";

/** Timer id of an approval's deadline. */
export const deadlineTimer = (nodeId: string) => `${nodeId}.deadline`;

/**
 * Approval: `waiting` collects `APPROVAL.DECIDED` votes until a reject, a change request or the
 * quorum of distinct approvers; the deadline is a timer the runtime fires as `TIMER.FIRED`.
 */
export function approvalState(scope: CompileScope, node: NodeOf<"approval">): JsonState {
  const params = { node: node.id, quorum: node.config.quorum, allowChanges: node.config.allowChanges };
  const timer = node.config.deadline ? { id: deadlineTimer(node.id), delay: node.config.deadline } : undefined;
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: "approval" },
    initial: "waiting",
    entry: [{ type: "openApproval", params: { node: node.id } }],
    states: {
      waiting: {
        meta: { nodeId: node.id, nodeType: "approval", ...(timer ? { timers: [timer] } : {}) },
        on: {
          "APPROVAL.DECIDED": [
            { target: ROUTE, guard: { type: "approvalSettles", params }, actions: [{ type: "recordApproval", params }] },
            { guard: { type: "approvalFor", params }, actions: [{ type: "recordApproval", params }] },
          ],
          ...(timer
            ? {
                "TIMER.FIRED": [
                  {
                    target: ROUTE,
                    guard: { type: "timerIs", params: { timerId: timer.id } },
                    actions: [{ type: "setOutcome", params: { node: node.id, outcome: "timeout" } }],
                  },
                ],
              }
            : {}),
        },
      },
      [ROUTE]: { always: routeTransitions(scope, node) },
    },
  };
}
