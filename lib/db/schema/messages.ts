import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { offices } from "./offices";
import { users } from "./users";
import { enforcementFiles, parties } from "./files";

export const messageStatus = pgEnum("message_status", [
  "scheduled",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "expired",
  "cancelled",
]);

export const smsEncoding = pgEnum("sms_encoding", ["gsm7", "gsm7-tr", "ucs2"]);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    fileId: uuid("file_id").references(() => enforcementFiles.id),
    partyId: uuid("party_id").references(() => parties.id),
    /** E.164 */
    recipient: text("recipient").notNull(),
    body: text("body").notNull(),
    encoding: smsEncoding("encoding").notNull(),
    segments: integer("segments").notNull(),
    status: messageStatus("status").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /** The provider kind ("netgsm", "simulator" …) and, for configured ones, which office setting. */
    provider: text("provider"),
    providerSettingId: uuid("provider_setting_id"),
    providerMessageId: text("provider_message_id"),
    /** Sent to providers that deduplicate, and used to recognise our own earlier attempt. */
    idempotencyKey: text("idempotency_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    errorCode: text("error_code"),
    errorText: text("error_text"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("messages_idempotency_key").on(t.idempotencyKey),
    // Keyset pagination of the office's list, newest first.
    index("messages_office_created_idx").on(t.officeId, t.createdAt.desc(), t.id.desc()),
    uniqueIndex("messages_provider_id_key")
      .on(t.provider, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index("messages_pending_idx")
      .on(t.status, t.updatedAt)
      .where(sql`${t.status} in ('queued','sending','sent')`),
    index("messages_file_idx").on(t.fileId),
  ],
);

/** The timeline: one row per status transition, never updated. */
export const messageEvents = pgTable(
  "message_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    fromStatus: messageStatus("from_status"),
    toStatus: messageStatus("to_status").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** panel | worker | webhook:<provider> | poll:<provider> | system */
    source: text("source").notNull(),
    rawPayload: jsonb("raw_payload"),
  },
  (t) => [index("message_events_message_idx").on(t.messageId, t.id)],
);

/**
 * Every hand-over to a provider is written before the call and completed after it, so a
 * retry after a crash can tell "never sent" from "sent, answer lost".
 */
export const messageAttempts = pgTable(
  "message_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerSettingId: uuid("provider_setting_id"),
    attemptNo: integer("attempt_no").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** accepted | rejected | retryable | unknown */
    outcome: text("outcome"),
    providerMessageId: text("provider_message_id"),
    errorCode: text("error_code"),
    errorText: text("error_text"),
  },
  (t) => [uniqueIndex("message_attempts_no_key").on(t.messageId, t.attemptNo)],
);

export type Message = typeof messages.$inferSelect;
export type MessageStatus = (typeof messageStatus.enumValues)[number];
export type SmsEncoding = (typeof smsEncoding.enumValues)[number];
export type MessageEvent = typeof messageEvents.$inferSelect;
export type MessageAttempt = typeof messageAttempts.$inferSelect;

/**
 * Delivery reports that arrived before the hand-over recorded the provider's id (Twilio can call
 * back within milliseconds, and does not retry). They wait here and are applied as soon as the
 * message is marked sent.
 */
export const earlyReports = pgTable(
  "early_reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    officeId: uuid("office_id").notNull(),
    provider: text("provider").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    report: jsonb("report").notNull(),
    source: text("source").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("early_reports_lookup_idx").on(t.provider, t.providerMessageId), index("early_reports_received_idx").on(t.receivedAt)],
);
