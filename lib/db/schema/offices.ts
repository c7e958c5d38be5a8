import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const offices = pgTable("offices", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  /** Başlık: the operator-registered sender name, 3-11 characters without Turkish letters. */
  senderName: text("sender_name").notNull(),
  iban: text("iban").notNull(),
  timeZone: text("time_zone").notNull().default("Europe/Istanbul"),
  /** Quiet window (local "HH:MM"); non-urgent messages wait until it ends. */
  quietHoursStart: text("quiet_hours_start").notNull().default("20:00"),
  quietHoursEnd: text("quiet_hours_end").notNull().default("09:00"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Office = typeof offices.$inferSelect;
export type NewOffice = typeof offices.$inferInsert;
