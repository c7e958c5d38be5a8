import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messages, type MessageStatus } from "@/lib/db/schema";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { transitionMessage } from "./transition";

export type ReportOutcome = "applied" | "ignored" | "unknown";

/**
 * Applies one delivery report, whether pushed to a webhook or fetched by polling. Repeated and
 * out-of-order reports are harmless: the status only moves forward. "unknown" means no message
 * carries that provider id (yet): the caller should let the provider retry.
 */
export async function applyDeliveryReport(db: Database, provider: string, report: DeliveryReport, source: string): Promise<ReportOutcome> {
  const [message] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.provider, provider), eq(messages.providerMessageId, report.providerMessageId)))
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
