import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { officeProviders, providerKind, type ProviderKind, type ProviderSettings } from "@/lib/db/schema";
import { clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { WebhookError } from "@/lib/sms/providers/errors";
import { providersForOffice } from "@/lib/messaging/office-providers";
import { applyDeliveryReport } from "./apply-delivery-report";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * A delivery report pushed by a configured provider. The URL's token names one office's
 * provider setting (and so the office); an optional IP allow-list narrows who may call; then
 * the adapter checks what the provider signs (Twilio) and parses the body.
 */
export async function handleProviderWebhook(db: Database, kind: string, request: Request): Promise<WebhookAnswer> {
  if (!(providerKind.enumValues as readonly string[]).includes(kind)) return { status: 404, body: { error: "unknown provider" } };
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  if (!token) return { status: 401, body: { error: "unauthorized" } };
  const [setting] = await db
    .select()
    .from(officeProviders)
    .where(and(eq(officeProviders.kind, kind as ProviderKind), eq(officeProviders.webhookKey, token)))
    .limit(1);
  if (!setting) return { status: 401, body: { error: "unauthorized" } };
  const allowedIps = (setting.settings as ProviderSettings).allowedIps ?? [];
  const ip = clientIp(request.headers);
  if (allowedIps.length > 0 && (!ip || !allowedIps.includes(ip))) {
    logger.warn("webhook from an address not allowed", { provider: kind, settingId: setting.id });
    return { status: 403, body: { error: "forbidden" } };
  }
  const entry = (await providersForOffice(db, setting.officeId)).find((candidate) => candidate.settingId === setting.id);
  if (!entry?.provider.parseWebhook) return { status: 404, body: { error: "no push reports for this provider" } };

  // Twilio signs the public URL it was given, which differs from request.url behind a proxy.
  const publicUrl = `${getEnv().APP_URL}${url.pathname}${url.search}`;
  let reports;
  try {
    reports = await entry.provider.parseWebhook(request, { url: publicUrl, token: setting.webhookKey });
  } catch (error) {
    if (error instanceof WebhookError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
  // A report for an id not recorded yet is parked and applied after the hand-over, so every
  // report is acknowledged: Twilio never retries, and the others need not.
  for (const report of reports) {
    await applyDeliveryReport(db, { provider: kind, officeId: setting.officeId }, report, `webhook:${kind}`);
  }
  return { status: 200, body: { ok: true, reports: reports.length } };
}
