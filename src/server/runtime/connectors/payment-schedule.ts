import { z } from "zod";
import { systemClock, type Clock } from "~/server/runtime/clock";
import { defineConnector } from "./contract";
import { createOnce } from "./create-once";
import { SHADOW_ID, shadowShape } from "./shadow";

const DAY_MS = 24 * 60 * 60 * 1000;

const SchedulePaymentInput = z.object({
  vendor: z.string().min(1).max(200),
  amount: z.number().finite().positive(),
  invoiceNumber: z.string().min(1).max(100).optional(),
  dueInDays: z.number().int().min(0).max(365).default(14).meta({ description: "Days from now until the payment is due. Default 14." }),
});

const ScheduledPaymentOutput = z.object({
  paymentId: z.string(),
  /** ISO 8601 timestamp. */
  dueDate: z.string(),
  vendor: z.string(),
  amount: z.number(),
  ...shadowShape,
});

function dueDate(clock: Clock, dueInDays: number): Date {
  return new Date(clock.now().getTime() + dueInDays * DAY_MS);
}

/**
 * `payment.schedule`: schedules a payment to a vendor, due `dueInDays` after the run's clock.
 *
 * @remarks Exactly once per idempotency key: a repeat returns the payment the first call
 * scheduled, with its original due date. Previews (shadow mode) have no run clock and use the
 * system clock.
 */
export const paymentScheduleConnector = defineConnector({
  name: "payment.schedule",
  description: "Schedules a payment to a vendor, due in a number of days (default 14).",
  input: SchedulePaymentInput,
  output: ScheduledPaymentOutput,
  sideEffect: "write",
  async execute(input, { db, idempotencyKey, runId, clock }) {
    const row = await createOnce(
      () => db.scheduledPayment.findUnique({ where: { idempotencyKey } }),
      () =>
        db.scheduledPayment.create({
          data: { idempotencyKey, runId, vendor: input.vendor, amount: input.amount, dueDate: dueDate(clock, input.dueInDays) },
        }),
    );
    return { paymentId: row.id, dueDate: row.dueDate.toISOString(), vendor: row.vendor, amount: row.amount };
  },
  preview: (input) => ({
    shadow: true,
    paymentId: SHADOW_ID,
    dueDate: dueDate(systemClock, input.dueInDays).toISOString(),
    vendor: input.vendor,
    amount: input.amount,
  }),
});
