import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messages, officeProviders, type ProviderSettings } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { ProviderError } from "@/lib/sms/providers/errors";
import { providersForOffice } from "@/lib/messaging/office-providers";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { applyDeliveryReport, pruneEarlyReports } from "./apply-delivery-report";
import { transitionMessage } from "./transition";

/** A pushed report usually arrives within seconds; polling starts after this grace. */
const PUSH_GRACE_MS = 2 * 60_000;
const BATCH = 500;
/** Without a setting of its own, a message still "sent" after two days has expired. */
export const DEFAULT_VALIDITY_MINUTES = 48 * 60;

/** Provider settings that have messages waiting for a final report. */
export async function settingsWithPendingMessages(db: Database): Promise<{ settingId: string; officeId: string }[]> {
  return db
    .selectDistinct({ settingId: sql<string>`${messages.providerSettingId}`, officeId: messages.officeId })
    .from(messages)
    .where(and(eq(messages.status, "sent"), isNotNull(messages.providerSettingId)));
}

/**
 * Asks one provider setting about its messages still in "sent", within the provider's rate limit:
 * when the adapter says it is throttled, what was read is applied and the rest waits for the next round.
 */
export async function pollSetting(db: Database, target: { settingId: string; officeId: string }, now = new Date()) {
  const entry = (await providersForOffice(db, target.officeId)).find((candidate) => candidate.settingId === target.settingId);
  if (!entry?.provider.fetchReports) return { polled: 0, applied: 0, throttled: false };
  const pending = await db
    .select({ providerMessageId: messages.providerMessageId, sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.providerSettingId, target.settingId),
        eq(messages.officeId, target.officeId),
        eq(messages.status, "sent"),
        entry.provider.capabilities.pushReports ? lt(messages.sentAt, new Date(now.getTime() - PUSH_GRACE_MS)) : undefined,
      ),
    )
    .limit(BATCH);
  if (pending.length === 0) return { polled: 0, applied: 0, throttled: false };
  const sentAfter = new Date(Math.min(...pending.map((row) => row.sentAt?.getTime() ?? now.getTime())) - 60_000);
  let reports: DeliveryReport[];
  let throttled = false;
  try {
    reports = await entry.provider.fetchReports({ providerMessageIds: pending.map((row) => row.providerMessageId!), sentAfter });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throttled = error.reason === "throttled";
    reports = error.partial ?? [];
    logger.warn("report polling stopped", { provider: entry.kind, settingId: target.settingId, code: error.code, reason: error.reason });
  }
  let applied = 0;
  for (const report of reports) {
    if ((await applyDeliveryReport(db, { provider: entry.kind, officeId: target.officeId }, report, `poll:${entry.kind}`)) === "applied") applied++;
  }
  return { polled: pending.length, applied, throttled };
}

/** Messages that never got a final report within their validity period end as "expired". */
export async function expireOverdue(db: Database, now = new Date()): Promise<number> {
  await pruneEarlyReports(db, new Date(now.getTime() - DEFAULT_VALIDITY_MINUTES * 60_000));
  const candidates = await db
    .select({ id: messages.id, sentAt: messages.sentAt, settings: officeProviders.settings })
    .from(messages)
    .leftJoin(officeProviders, eq(officeProviders.id, messages.providerSettingId))
    .where(and(eq(messages.status, "sent"), lt(messages.sentAt, new Date(now.getTime() - 60_000 * 10))))
    .limit(BATCH);
  let expired = 0;
  for (const row of candidates) {
    const validity = (row.settings as ProviderSettings | null)?.validForMinutes ?? DEFAULT_VALIDITY_MINUTES;
    if (!row.sentAt || row.sentAt.getTime() + validity * 60_000 > now.getTime()) continue;
    const result = await transitionMessage(db, { messageId: row.id, to: "expired", source: "system", rawPayload: { validForMinutes: validity } });
    if (result.changed) expired++;
  }
  return expired;
}
