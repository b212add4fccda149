import type { Connector } from "./contract";
import { httpRequestConnector } from "./http-request";
import { invoiceCreateStagingConnector } from "./invoice-create-staging";
import { notifyConnector } from "./notify";
import { paymentScheduleConnector } from "./payment-schedule";
import { purchaseOrderLookupConnector } from "./purchase-order-lookup";
import { ticketAssignConnector } from "./ticket-assign";
import { transformConnector } from "./transform";

/** The connectors every Flowgate server offers to task nodes and, as tools, to llm nodes. */
export const BUILTIN_CONNECTORS: readonly Connector[] = [
  purchaseOrderLookupConnector,
  transformConnector,
  invoiceCreateStagingConnector,
  paymentScheduleConnector,
  ticketAssignConnector,
  notifyConnector,
  httpRequestConnector,
];
