import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The simulator provider's handset inboxes. It is a stand-in for an operator network, so it
 * keeps its own records and reports delivery back only through the webhook path.
 */
export const simulatorInbox = pgTable(
  "simulator_inbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Which office's panel may show it; the simulator is per installation, not per office. */
    officeId: uuid("office_id").notNull(),
    /** The provider-side id handed back to the sender. */
    providerMessageId: text("provider_message_id").notNull(),
    /** The sender's idempotency key: a repeated submission returns the first record. */
    clientRef: text("client_ref").notNull(),
    sender: text("sender").notNull(),
    recipient: text("recipient").notNull(),
    body: text("body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("simulator_inbox_client_ref_key").on(t.clientRef),
    uniqueIndex("simulator_inbox_provider_id_key").on(t.providerMessageId),
    index("simulator_inbox_office_recipient_idx").on(t.officeId, t.recipient, t.receivedAt.desc()),
  ],
);

export type SimulatorInboxEntry = typeof simulatorInbox.$inferSelect;
