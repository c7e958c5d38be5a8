import type { Executor } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditInput = {
  officeId: string | null;
  actorId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one audit row; pass the open transaction so the row commits with the change it records. */
export async function writeAudit(executor: Executor, entry: AuditInput): Promise<void> {
  await executor.insert(auditLog).values({
    officeId: entry.officeId,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    ip: entry.ip ?? null,
    details: entry.details,
  });
}
