import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messages, type MessageStatus } from "@/lib/db/schema";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { transitionMessage } from "./transition";

export type ReportOutcome = "applied" | "ignored" | "unknown";

/**
 * Applies one delivery report, whether pushed to a webhook, fetched by polling or received on an
 * SMPP link. Repeated and out-of-order reports are harmless: the status only moves forward.
 * "unknown" means no message carries that provider id (yet): the caller should let the provider
 * retry. A report authenticated for one office's provider setting can only touch that office.
 */
export async function applyDeliveryReport(
  db: Database,
  scope: { provider: string; officeId?: string },
  report: DeliveryReport,
  source: string,
): Promise<ReportOutcome> {
  const [message] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.provider, scope.provider),
        eq(messages.providerMessageId, report.providerMessageId),
        scope.officeId ? eq(messages.officeId, scope.officeId) : undefined,
      ),
    )
    .limit(1);
  if (!message) return "unknown";
  const to: MessageStatus = report.status;
  const at = report.at ?? new Date();
  const result = await transitionMessage(db, {
    messageId: message.id,
    to,
    source,
    rawPayload: report.raw,
    at,
    set: {
      ...(to === "delivered" ? { deliveredAt: at } : {}),
      ...(report.errorCode ? { errorCode: report.errorCode } : {}),
    },
  });
  return result.changed ? "applied" : "ignored";
}
