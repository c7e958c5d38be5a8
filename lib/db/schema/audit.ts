import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { offices } from "./offices";
import { users } from "./users";

/** Who did what, when and from where (KVKK). Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    officeId: uuid("office_id").references(() => offices.id),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_office_at_idx").on(t.officeId, t.at.desc()), index("audit_log_actor_idx").on(t.actorId, t.at.desc())],
);

export type AuditEntry = typeof auditLog.$inferSelect;
