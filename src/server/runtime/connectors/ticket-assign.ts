import { z } from "zod";
import { defineConnector } from "./contract";
import { createOnce } from "./create-once";
import { SHADOW_ID, shadowShape } from "./shadow";

const AssignTicketInput = z.object({
  ticketId: z.string().min(1).max(200),
  team: z.string().min(1).max(100),
  priority: z.string().max(50).optional().meta({ description: "Priority to pass on, e.g. low, normal, high, urgent." }),
  assignee: z.string().max(200).optional().meta({ description: "A person on the team, if known." }),
});

const AssignmentOutput = z.object({
  assignmentId: z.string(),
  ticketId: z.string(),
  team: z.string(),
  assignee: z.string().nullable(),
  priority: z.string().optional(),
  ...shadowShape,
});

/**
 * `ticket.assign`: assigns a ticket to a team (and optionally a person).
 *
 * @remarks Exactly once per idempotency key: a repeat returns the first assignment.
 */
export const ticketAssignConnector = defineConnector({
  name: "ticket.assign",
  description: "Assigns a support ticket to a team, optionally to a person, with a priority.",
  input: AssignTicketInput,
  output: AssignmentOutput,
  sideEffect: "write",
  async execute(input, { db, idempotencyKey, runId }) {
    const row = await createOnce(
      () => db.ticketAssignment.findUnique({ where: { idempotencyKey } }),
      () => db.ticketAssignment.create({ data: { idempotencyKey, runId, ticketId: input.ticketId, team: input.team, assignee: input.assignee ?? null } }),
    );
    return { assignmentId: row.id, ticketId: row.ticketId, team: row.team, assignee: row.assignee, priority: input.priority };
  },
  preview: (input) => ({
    shadow: true as const,
    assignmentId: SHADOW_ID,
    ticketId: input.ticketId,
    team: input.team,
    assignee: input.assignee ?? null,
    priority: input.priority,
  }),
});
