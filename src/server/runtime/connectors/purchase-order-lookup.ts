import { z } from "zod";
import { AppError } from "~/server/errors";
import { defineConnector } from "./contract";
import { OrderLineSchema } from "./order-line";

const PurchaseOrderLookupInput = z.object({
  poNumber: z.string().min(1).max(100).meta({ description: "Purchase order number, e.g. PO-1001." }),
});

const PurchaseOrderOutput = z.object({
  poNumber: z.string(),
  vendor: z.string(),
  amount: z.number(),
  currency: z.string(),
  lines: z.array(OrderLineSchema),
});

/**
 * `purchaseOrder.lookup`: reads a purchase order by number.
 *
 * @remarks An unknown number is `AppError("NOT_FOUND")`, which is not retried.
 * @example await connector.execute({ poNumber: "PO-1001" }, context) // { vendor: "Acme Tools", amount: 9800, … }
 */
export const purchaseOrderLookupConnector = defineConnector({
  name: "purchaseOrder.lookup",
  description: "Looks up a purchase order by its number: vendor, amount, currency and lines.",
  input: PurchaseOrderLookupInput,
  output: PurchaseOrderOutput,
  sideEffect: "read",
  async execute({ poNumber }, { db }) {
    const order = await db.purchaseOrder.findUnique({ where: { poNumber } });
    if (!order) throw new AppError("NOT_FOUND", `Purchase order "${poNumber}" was not found`);
    return {
      poNumber: order.poNumber,
      vendor: order.vendor,
      amount: order.amount,
      currency: order.currency,
      lines: z.array(OrderLineSchema).parse(JSON.parse(order.lines)),
    };
  },
});
