import { z } from "zod";
import { roleSchema } from "~/server/auth/roles";
import type { PrismaClient } from "~/server/db/client";
import { defineConnector, type ConnectorContext } from "./contract";
import { createOnce } from "./create-once";
import { httpConnector } from "./http";
import { shadowShape } from "./shadow";

const TITLE_LENGTH = 120;

const NotifyInput = z.object({
  message: z.string().min(1).max(20_000),
  title: z.string().min(1).max(200).optional().meta({ description: "Default: the channel and the message's first line." }),
  channel: z.string().min(1).max(100).optional().meta({ description: "A label such as ap-team, shown in the title and sent to the webhook." }),
  users: z.array(z.email()).max(100).optional().meta({ description: "Emails of the users to notify." }),
  roles: z.array(roleSchema).max(3).optional().meta({ description: "Roles whose members all see the notification." }),
  webhookUrl: z.string().min(1).max(8000).optional().meta({ description: "Also POSTs the notification here; may reference {{secret.NAME}}." }),
});

type NotifyInput = z.output<typeof NotifyInput>;

const NotifyOutput = z.object({
  notificationIds: z.array(z.string()),
  /** Emails that matched no active user (nobody was notified for them). */
  unknownUsers: z.array(z.string()),
  webhook: z.object({ status: z.number().int() }).optional(),
  ...shadowShape,
});

type Recipient = { userId: string; role?: undefined } | { role: string; userId?: undefined };

async function recipientsOf(db: PrismaClient, input: NotifyInput): Promise<{ recipients: Recipient[]; unknownUsers: string[] }> {
  const emails = [...new Set(input.users ?? [])];
  const users = emails.length ? await db.user.findMany({ where: { email: { in: emails }, active: true }, select: { id: true, email: true } }) : [];
  const idByEmail = new Map(users.map((user) => [user.email, user.id]));
  const recipients: Recipient[] = [
    ...emails.flatMap((email) => (idByEmail.has(email) ? [{ userId: idByEmail.get(email)! }] : [])),
    ...[...new Set(input.roles ?? [])].map((role) => ({ role })),
  ];
  return { recipients: recipients.length ? recipients : [{ role: "admin" }], unknownUsers: emails.filter((email) => !idByEmail.has(email)) };
}

function titleOf(input: NotifyInput): string {
  if (input.title) return input.title;
  const firstLine = input.message.split("\n", 1)[0]!.trim();
  const text = input.channel ? `[${input.channel}] ${firstLine}` : firstLine;
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text;
}

/** Row ids are `<idempotency key>:<index>`, so a repeat finds exactly the rows the first call wrote. */
async function existingIds(db: PrismaClient, idempotencyKey: string): Promise<string[] | null> {
  const prefix = `${idempotencyKey}:`;
  const rows = await db.notification.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } });
  const ids = rows.map((row) => row.id).filter((id) => /^\d+$/.test(id.slice(prefix.length)));
  return ids.length ? ids.sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length))) : null;
}

async function postWebhook(url: string, input: NotifyInput, notificationIds: string[], context: ConnectorContext): Promise<{ status: number }> {
  const response = await httpConnector(
    {
      url,
      method: "POST",
      body: { title: titleOf(input), message: input.message, channel: input.channel, runId: context.runId, workflowId: context.workflowId, notificationIds },
    },
    { idempotencyKey: context.idempotencyKey, allowlist: context.httpAllowlist, secrets: context.secrets },
  );
  return { status: response.status };
}

/**
 * `notify`: in-app notifications for users (by email) and roles, and optionally a webhook POST.
 *
 * @remarks One Notification row per resolved user and per role; with neither, one row for the
 * `admin` role so that someone sees it. The rows are written once per idempotency key (a single
 * insert under deterministic ids); a repeat returns the same ids. The webhook goes through the
 * HTTP connector (SSRF rules, `{{secret.NAME}}`, `Idempotency-Key` header) and is sent on every
 * attempt, so an attempt that failed after writing the rows still delivers it; the receiver
 * de-duplicates by the key.
 */
export const notifyConnector = defineConnector({
  name: "notify",
  description: "Notifies users (by email) and/or roles in the app, and optionally POSTs the message to a webhook.",
  input: NotifyInput,
  output: NotifyOutput,
  sideEffect: "write",
  async execute(input, context) {
    const { db, idempotencyKey, runId } = context;
    const { recipients, unknownUsers } = await recipientsOf(db, input);
    const notificationIds = await createOnce(
      () => existingIds(db, idempotencyKey),
      async () => {
        const rows = recipients.map((recipient, index) => ({
          id: `${idempotencyKey}:${index}`,
          userId: recipient.userId ?? null,
          role: recipient.role ?? null,
          runId,
          title: titleOf(input),
          body: input.message,
        }));
        await db.notification.createMany({ data: rows });
        return rows.map((row) => row.id);
      },
    );
    const webhook = input.webhookUrl ? await postWebhook(input.webhookUrl, input, notificationIds, context) : undefined;
    return { notificationIds, unknownUsers, ...(webhook && { webhook }) };
  },
  preview: (input) => ({
    shadow: true,
    notificationIds: [],
    unknownUsers: [],
    ...(input.webhookUrl && { webhook: { status: 0 } }),
  }),
});
