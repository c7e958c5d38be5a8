import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "../client";
import { messageEvents, messages, users, type MessageStatus } from "../schema";

export type MessageCursor = { createdAt: string; id: string };

export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string | undefined): MessageCursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as MessageCursor;
    if (typeof parsed.createdAt !== "string" || !/^[0-9a-f-]{36}$/.test(parsed.id) || Number.isNaN(Date.parse(parsed.createdAt))) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** Newest first, keyset-paginated on (created_at, id) so that pages stay stable while messages arrive. */
export async function listMessages(params: { officeId: string; cursor?: MessageCursor; limit?: number }) {
  const limit = params.limit ?? 25;
  const after = params.cursor
    ? or(
        lt(messages.createdAt, new Date(params.cursor.createdAt)),
        and(eq(messages.createdAt, new Date(params.cursor.createdAt)), lt(messages.id, params.cursor.id)),
      )
    : undefined;
  const rows = await db
    .select({
      id: messages.id,
      recipient: messages.recipient,
      body: messages.body,
      status: messages.status,
      segments: messages.segments,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.officeId, params.officeId), after))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : undefined;
  return { rows: page, nextCursor };
}

/** One message of the office with its timeline; undefined when it belongs to another office. */
export async function getMessage(params: { officeId: string; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(params.id)) return undefined;
  const [row] = await db
    .select({ message: messages, createdByName: users.name })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.createdBy))
    .where(and(eq(messages.id, params.id), eq(messages.officeId, params.officeId)))
    .limit(1);
  if (!row) return undefined;
  const events = await db
    .select({ id: messageEvents.id, fromStatus: messageEvents.fromStatus, toStatus: messageEvents.toStatus, at: messageEvents.at, source: messageEvents.source })
    .from(messageEvents)
    .where(eq(messageEvents.messageId, params.id))
    .orderBy(asc(messageEvents.id));
  return { ...row.message, createdByName: row.createdByName, events };
}

/** Today's counts per status group for the dashboard (Istanbul day). */
export async function countTodayByStatus(params: { officeId: string; now?: Date }) {
  const startOfDay = sql`date_trunc('day', ${(params.now ?? new Date()).toISOString()}::timestamptz at time zone 'Europe/Istanbul') at time zone 'Europe/Istanbul'`;
  const rows = await db
    .select({ status: messages.status, total: count() })
    .from(messages)
    .where(and(eq(messages.officeId, params.officeId), gte(messages.createdAt, startOfDay)))
    .groupBy(messages.status);
  const totals = Object.fromEntries(rows.map((row) => [row.status, row.total])) as Partial<Record<MessageStatus, number>>;
  const sum = (statuses: MessageStatus[]) => statuses.reduce((acc, status) => acc + (totals[status] ?? 0), 0);
  return {
    total: sum(["scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "expired", "cancelled"]),
    delivered: sum(["delivered"]),
    pending: sum(["scheduled", "queued", "sending", "sent"]),
    failed: sum(["undelivered", "failed", "expired"]),
  };
}

export async function countMessagesInStatuses(params: { officeId: string; statuses: MessageStatus[] }) {
  const [row] = await db
    .select({ total: count() })
    .from(messages)
    .where(and(eq(messages.officeId, params.officeId), inArray(messages.status, params.statuses)));
  return row.total;
}
