import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/server/testing/test-db";
import { callConnector, connectorTestContext } from "./connector-test-context";
import type { Connector } from "./contract";
import { invoiceCreateStagingConnector } from "./invoice-create-staging";
import { paymentScheduleConnector } from "./payment-schedule";
import { ticketAssignConnector } from "./ticket-assign";

let testDb: TestDb;
beforeAll(() => {
  testDb = createTestDb();
});
afterAll(() => testDb.dispose());

type Case = { connector: Connector; input: Record<string, unknown>; count: () => Promise<number> };

const cases: Case[] = [
  {
    connector: invoiceCreateStagingConnector,
    input: { vendor: "Acme Tools", invoiceNumber: "INV-7", amount: 9850, poNumber: "PO-1001", lines: [{ description: "Drill", quantity: 1 }] },
    count: () => testDb.db.stagingInvoice.count(),
  },
  {
    connector: paymentScheduleConnector,
    input: { vendor: "Globex", amount: 24000, invoiceNumber: "INV-8" },
    count: () => testDb.db.scheduledPayment.count(),
  },
  {
    connector: ticketAssignConnector,
    input: { ticketId: "T-1", team: "billing", priority: "high" },
    count: () => testDb.db.ticketAssignment.count(),
  },
];

describe.each(cases)("$connector.name", ({ connector, input, count }) => {
  it("writes once per idempotency key: a repeat returns the same output and writes nothing", async () => {
    const context = connectorTestContext(testDb.db, { idempotencyKey: `${connector.name}:sequential` });
    const before = await count();
    const first = await callConnector(connector, input, context);
    const second = await callConnector(connector, input, context);
    expect(second).toEqual(first);
    expect(await count()).toBe(before + 1);
    const other = await callConnector(connector, input, { ...context, idempotencyKey: `${connector.name}:other` });
    expect(other).not.toEqual(first);
    expect(await count()).toBe(before + 2);
  });

  it("writes once when attempts with the same key race", async () => {
    const context = connectorTestContext(testDb.db, { idempotencyKey: `${connector.name}:concurrent` });
    const before = await count();
    const outputs = await Promise.all(Array.from({ length: 5 }, () => callConnector(connector, input, context)));
    expect(new Set(outputs.map((output) => JSON.stringify(output))).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it("previews a plausible, schema-valid output marked shadow without writing", async () => {
    const before = await count();
    const preview = connector.preview!(connector.input.parse(input));
    expect(connector.output.parse(preview)).toMatchObject({ shadow: true });
    expect(await count()).toBe(before);
  });
});

describe("write connector outputs", () => {
  it("invoice.createStaging stores the invoice for the run and returns its id", async () => {
    const output = await callConnector(invoiceCreateStagingConnector, cases[0]!.input, connectorTestContext(testDb.db, { idempotencyKey: "staging:fields" }));
    const row = await testDb.db.stagingInvoice.findUniqueOrThrow({ where: { idempotencyKey: "staging:fields" } });
    expect(output).toEqual({ stagingInvoiceId: row.id, invoiceNumber: "INV-7", vendor: "Acme Tools", amount: 9850, poNumber: "PO-1001" });
    expect(row).toMatchObject({ runId: "run-1", lines: JSON.stringify([{ description: "Drill", quantity: 1 }]) });
  });

  it("payment.schedule dates the payment from the run's clock, 14 days by default", async () => {
    const context = connectorTestContext(testDb.db, { idempotencyKey: "payment:due" });
    expect(await callConnector(paymentScheduleConnector, { vendor: "Initech", amount: 1250 }, context)).toMatchObject({ dueDate: "2026-01-15T00:00:00.000Z" });
    const later = { ...context, idempotencyKey: "payment:due-3" };
    expect(await callConnector(paymentScheduleConnector, { vendor: "Initech", amount: 1250, dueInDays: 3 }, later)).toMatchObject({ dueDate: "2026-01-04T00:00:00.000Z" });
  });

  it("ticket.assign records team and assignee", async () => {
    const output = await callConnector(ticketAssignConnector, { ticketId: "T-9", team: "technical", assignee: "sam" }, connectorTestContext(testDb.db, { idempotencyKey: "ticket:fields" }));
    expect(output).toMatchObject({ ticketId: "T-9", team: "technical", assignee: "sam" });
  });
});
