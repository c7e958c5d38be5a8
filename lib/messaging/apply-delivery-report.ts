import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { earlyReports, messages, type MessageStatus } from "@/lib/db/schema";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { transitionMessage } from "./transition";

export type ReportOutcome = "applied" | "ignored" | "parked" | "unknown";

type Scope = { provider: string; officeId?: string };

/**
 * Applies one delivery report, whether pushed to a webhook, fetched by polling or received on an
 * SMPP link. Repeated and out-of-order reports are harmless: the status only moves forward.
 * A report for an id no message carries yet is parked when the office is known (the hand-over
 * applies it once it records the id); without an office it is "unknown" and the caller should
 * let the sender retry. A report authenticated for one office's provider can only touch that office.
 */
export async function applyDeliveryReport(db: Database, scope: Scope, report: DeliveryReport, source: string): Promise<ReportOutcome> {
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
  if (!message) {
    if (!scope.officeId) return "unknown";
    await db.insert(earlyReports).values({
      officeId: scope.officeId,
      provider: scope.provider,
      providerMessageId: report.providerMessageId,
      report: { ...report, at: report.at?.toISOString() },
      source,
    });
    return "parked";
  }
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

/** Applies, in arrival order, the reports that came before the message was marked sent. */
export async function applyEarlyReports(db: Database, scope: Required<Scope>, providerMessageId: string): Promise<void> {
  const parked = await db
    .select()
    .from(earlyReports)
    .where(and(eq(earlyReports.provider, scope.provider), eq(earlyReports.officeId, scope.officeId), eq(earlyReports.providerMessageId, providerMessageId)))
    .orderBy(asc(earlyReports.id));
  if (parked.length === 0) return;
  for (const row of parked) {
    const report = row.report as DeliveryReport & { at?: string };
    await applyDeliveryReport(db, scope, { ...report, at: report.at ? new Date(report.at) : undefined }, row.source);
  }
  await db.delete(earlyReports).where(inArray(earlyReports.id, parked.map((row) => row.id)));
}

/** Parked reports whose message never showed up (another installation's, or a lost send). */
export async function pruneEarlyReports(db: Database, olderThan: Date): Promise<void> {
  await db.delete(earlyReports).where(lt(earlyReports.receivedAt, olderThan));
}
