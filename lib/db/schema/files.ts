import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { offices } from "./offices";

export const fileStatus = pgEnum("enforcement_file_status", ["open", "closed"]);
export const partyRole = pgEnum("party_role", ["creditor", "debtor", "third_party", "applicant"]);

/** Dosya: an enforcement file, numbered "YYYY/N" within its office. */
export const enforcementFiles = pgTable(
  "enforcement_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    fileNumber: text("file_number").notNull(),
    /** e.g. "ilamsiz", "ilamli", "kambiyo", "rehin" */
    kind: text("kind").notNull(),
    status: fileStatus("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("enforcement_files_office_number_key").on(t.officeId, t.fileNumber)],
);

/** Taraf: alacaklı, borçlu, üçüncü kişi or başvurucu; lawyers (vekil) carry isLawyer. */
export const parties = pgTable(
  "parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => enforcementFiles.id, { onDelete: "cascade" }),
    role: partyRole("role").notNull(),
    name: text("name").notNull(),
    /** E.164, e.g. +905321234567 */
    phone: text("phone"),
    isLawyer: boolean("is_lawyer").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("parties_file_idx").on(t.fileId), index("parties_office_idx").on(t.officeId)],
);

export type EnforcementFile = typeof enforcementFiles.$inferSelect;
export type Party = typeof parties.$inferSelect;
export type PartyRole = (typeof partyRole.enumValues)[number];
