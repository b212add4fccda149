import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDecisionTable, validateGraph, type DecisionTableInput } from "~/engine";
import type { OrderLine } from "~/server/runtime/connectors/order-line";
import type { PrismaClient } from "./client";

/** The example workflows that ship with Flowgate, as files under `examples/`. */
export const EXAMPLE_FILES = ["invoice-approval.json", "ticket-triage.json", "tiered-support-escalation.json", "parallel-research.json"] as const;

/** Purchase orders the invoice example looks up (`purchaseOrder.lookup`). */
export const EXAMPLE_PURCHASE_ORDERS: { poNumber: string; vendor: string; amount: number; currency: string; lines: OrderLine[] }[] = [
  {
    poNumber: "PO-1001",
    vendor: "Acme Tools",
    amount: 9800,
    currency: "EUR",
    lines: [
      { sku: "ACM-DRL-18", description: "Cordless drill 18 V", quantity: 40, unitPrice: 180 },
      { sku: "ACM-BIT-SET", description: "Drill bit set", quantity: 20, unitPrice: 130 },
    ],
  },
  {
    poNumber: "PO-1002",
    vendor: "Globex",
    amount: 24000,
    currency: "EUR",
    lines: [
      { sku: "GLX-PMP-400", description: "Industrial pump", quantity: 12, unitPrice: 1500 },
      { sku: "GLX-SRV-INST", description: "Pump installation", quantity: 12, unitPrice: 500 },
    ],
  },
  {
    poNumber: "PO-1003",
    vendor: "Initech",
    amount: 1250,
    currency: "EUR",
    lines: [
      { sku: "INI-BND-TPS", description: "Report binders", quantity: 5, unitPrice: 50 },
      { sku: "INI-SRV-PRN", description: "Printer service", quantity: 1, unitPrice: 1000 },
    ],
  },
];

/**
 * The `ticket-routing` table (version 1) the ticket-triage example's decision node pins: its
 * `team` column yields the node's outcomes billing, technical, accounts and general.
 */
export const TICKET_ROUTING_TABLE: DecisionTableInput = {
  id: "ticket-routing",
  version: 1,
  name: "Ticket routing",
  hitPolicy: "FIRST",
  inputs: [
    { name: "category", type: "string", label: "Category" },
    { name: "priority", type: "string", label: "Priority" },
    { name: "customerTier", type: "string", label: "Customer tier" },
  ],
  outputs: [{ name: "team", type: "string", label: "Team" }],
  rules: [
    { when: ['"billing"', "-", "-"], then: ["billing"], description: "Invoices, charges and refunds" },
    { when: ['"technical"', "-", "-"], then: ["technical"], description: "Bugs, outages and how-to questions" },
    { when: ['"account"', "-", "-"], then: ["accounts"], description: "Sign-in, users and plan changes" },
    { when: ['"other"', '"high","urgent"', '"gold"'], then: ["accounts"], description: "Urgent questions from gold customers go to their account team" },
    { when: ["-", "-", "-"], then: ["general"], description: "Everything else" },
  ],
};

/** Reads and validates one example workflow; an invalid example is a bug, so it throws. */
function readExample(file: string): { name: string; description: string; json: string } {
  const document: unknown = JSON.parse(readFileSync(join(process.cwd(), "examples", file), "utf8"));
  const result = validateGraph(document);
  if (!result.ok) throw new Error(`examples/${file} is not a valid workflow: ${result.problems.map((problem) => problem.message).join("; ")}`);
  return { name: result.graph.name, description: result.graph.description ?? "", json: JSON.stringify(document) };
}

/**
 * Seeds what the example workflows need: the purchase orders, the `ticket-routing` rule table
 * (version 1) and the four example workflows, each with its draft and a published version 1.
 *
 * @remarks Idempotent: a purchase order (by number), rule table (by key) or workflow (by name)
 * that already exists is left as it is. Example files are read from `examples/` under the current
 * directory and must validate.
 * @returns how many rows of each kind were created.
 * @example await seedExampleData(db, { createdById: admin.id })
 */
export async function seedExampleData(
  db: PrismaClient,
  { createdById }: { createdById: string },
): Promise<{ purchaseOrders: number; ruleTables: number; workflows: number }> {
  const created = { purchaseOrders: 0, ruleTables: 0, workflows: 0 };
  for (const { lines, ...order } of EXAMPLE_PURCHASE_ORDERS) {
    if (await db.purchaseOrder.findUnique({ where: { poNumber: order.poNumber } })) continue;
    await db.purchaseOrder.create({ data: { ...order, lines: JSON.stringify(lines) } });
    created.purchaseOrders++;
  }

  const table = checkDecisionTable(TICKET_ROUTING_TABLE);
  if (!table.ok) throw new Error(`The ticket-routing table is invalid: ${table.problems.map((problem) => problem.message).join("; ")}`);
  if (!(await db.ruleTable.findUnique({ where: { key: TICKET_ROUTING_TABLE.id } }))) {
    await db.ruleTable.create({
      data: {
        key: TICKET_ROUTING_TABLE.id,
        name: TICKET_ROUTING_TABLE.name ?? TICKET_ROUTING_TABLE.id,
        description: "Routes a classified ticket to a team (used by the ticket-triage example).",
        versions: { create: { version: 1, definition: JSON.stringify(TICKET_ROUTING_TABLE), note: "Example rule table", createdById } },
      },
    });
    created.ruleTables++;
  }

  for (const file of EXAMPLE_FILES) {
    const example = readExample(file);
    if (await db.workflow.findFirst({ where: { name: example.name } })) continue;
    await db.workflow.create({
      data: {
        name: example.name,
        description: example.description,
        draftGraph: example.json,
        createdById,
        updatedById: createdById,
        versions: { create: { version: 1, graph: example.json, note: "Example workflow", createdById } },
      },
    });
    created.workflows++;
  }
  return created;
}
