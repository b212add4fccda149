import { z } from "zod";

/** One line of a purchase order as the demo data stores it and `purchaseOrder.lookup` returns it. */
export const OrderLineSchema = z.object({
  sku: z.string().optional(),
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
});

export type OrderLine = z.output<typeof OrderLineSchema>;
