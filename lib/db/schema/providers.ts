import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { offices } from "./offices";

export const providerKind = pgEnum("provider_kind", ["netgsm", "verimor", "iletimerkezi", "twilio", "smpp"]);

/**
 * An office's SMS providers in the order it wants them tried. Credentials are sealed with
 * AES-256-GCM (lib/crypto/secret-box) and never leave the server; settings hold what is not secret.
 */
export const officeProviders = pgTable(
  "office_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    kind: providerKind("kind").notNull(),
    label: text("label").notNull(),
    /** Lower goes first. */
    priority: integer("priority").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    credentials: text("credentials").notNull(),
    /** ProviderSettings: what is not secret. */
    settings: jsonb("settings").notNull().default({}),
    /** The secret in this provider's delivery-report URL (/api/webhooks/<kind>?key=…). */
    webhookKey: text("webhook_key").notNull(),
    lastTestAt: timestamp("last_test_at", { withTimezone: true }),
    lastTestOk: boolean("last_test_ok"),
    lastTestMessage: text("last_test_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("office_providers_office_idx").on(t.officeId, t.priority), uniqueIndex("office_providers_webhook_key").on(t.webhookKey)],
);

export type OfficeProvider = typeof officeProviders.$inferSelect;
export type ProviderKind = (typeof providerKind.enumValues)[number];
export type ProviderSettings = {
  /** Another endpoint than the provider's public one (a test server, a regional gateway). */
  baseUrl?: string;
  /** Addresses allowed to post delivery reports; empty = any (the URL key still applies). */
  allowedIps?: string[];
  /** After this long without a final report a message counts as expired. */
  validForMinutes?: number;
  timeoutMs?: number;
};
