import crypto from "node:crypto";
import type { Database } from "@/lib/db/client";
import { messageEvents, messages } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { analyzeSms } from "@/lib/sms/encoding";
import { maskPhone } from "@/lib/sms/phone";

export type QueueMessageInput = {
  officeId: string;
  userId: string;
  /** E.164, already validated */
  recipient: string;
  body: string;
  fileId?: string | null;
  partyId?: string | null;
  ip?: string | null;
  auditAction: string;
};

/**
 * Writes the message as "queued" together with its first timeline event and the audit row, in
 * one transaction. The caller hands it to the background worker only after this commits.
 */
export async function queueMessage(db: Database, input: QueueMessageInput): Promise<{ messageId: string }> {
  const analysis = analyzeSms(input.body);
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({
        officeId: input.officeId,
        fileId: input.fileId ?? null,
        partyId: input.partyId ?? null,
        recipient: input.recipient,
        body: input.body,
        encoding: analysis.encoding,
        segments: analysis.segments,
        status: "queued",
        idempotencyKey: crypto.randomUUID(),
        createdBy: input.userId,
      })
      .returning({ id: messages.id });
    await tx.insert(messageEvents).values({ messageId: message.id, fromStatus: null, toStatus: "queued", source: "panel" });
    await writeAudit(tx, {
      officeId: input.officeId,
      actorId: input.userId,
      action: input.auditAction,
      entity: "message",
      entityId: message.id,
      ip: input.ip,
      details: { recipient: maskPhone(input.recipient), segments: analysis.segments, encoding: analysis.encoding },
    });
    return { messageId: message.id };
  });
}
