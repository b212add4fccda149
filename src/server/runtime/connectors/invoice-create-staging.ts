import { z } from "zod";
import { defineConnector } from "./contract";
import { createOnce } from "./create-once";
import { SHADOW_ID, shadowShape } from "./shadow";

const CreateStagingInput = z.object({
  vendor: z.string().min(1).max(200),
  invoiceNumber: z.string().min(1).max(100),
  amount: z.number().finite(),
  poNumber: z.string().min(1).max(100),
  lines: z.array(z.unknown()).max(1000).optional().meta({ description: "Invoice lines, stored as given." }),
});

const StagingInvoiceOutput = z.object({
  stagingInvoiceId: z.string(),
  invoiceNumber: z.string(),
  vendor: z.string(),
  amount: z.number(),
  poNumber: z.string(),
  ...shadowShape,
});

/**
 * `invoice.createStaging`: writes a staging invoice for the accounts-payable system to pick up.
 *
 * @remarks Exactly once per idempotency key: a repeat (a retry, a resume after a crash, a
 * concurrent attempt) returns the record the first call wrote. The invoice number is part of the
 * input and the output; the staging record itself stores vendor, amount, PO and lines.
 */
export const invoiceCreateStagingConnector = defineConnector({
  name: "invoice.createStaging",
  description: "Creates a staging invoice (vendor, invoice number, amount, PO number, lines) for accounts payable.",
  input: CreateStagingInput,
  output: StagingInvoiceOutput,
  sideEffect: "write",
  async execute(input, { db, idempotencyKey, runId }) {
    const row = await createOnce(
      () => db.stagingInvoice.findUnique({ where: { idempotencyKey } }),
      () =>
        db.stagingInvoice.create({
          data: { idempotencyKey, runId, vendor: input.vendor, amount: input.amount, poNumber: input.poNumber, lines: JSON.stringify(input.lines ?? []) },
        }),
    );
    return { stagingInvoiceId: row.id, invoiceNumber: input.invoiceNumber, vendor: row.vendor, amount: row.amount, poNumber: row.poNumber };
  },
  preview: (input) => ({
    shadow: true,
    stagingInvoiceId: SHADOW_ID,
    invoiceNumber: input.invoiceNumber,
    vendor: input.vendor,
    amount: input.amount,
    poNumber: input.poNumber,
  }),
});
