import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "../client";
import { officeProviders } from "../schema";
import { getEnv } from "@/lib/env";
import { providersForOffice } from "@/lib/messaging/office-providers";

/** The office's providers for the admin page: never the credentials. */
export async function listOfficeProviders(params: { officeId: string }) {
  const rows = await db
    .select({
      id: officeProviders.id,
      kind: officeProviders.kind,
      label: officeProviders.label,
      priority: officeProviders.priority,
      enabled: officeProviders.enabled,
      settings: officeProviders.settings,
      webhookKey: officeProviders.webhookKey,
      lastTestAt: officeProviders.lastTestAt,
      lastTestOk: officeProviders.lastTestOk,
      lastTestMessage: officeProviders.lastTestMessage,
    })
    .from(officeProviders)
    .where(eq(officeProviders.officeId, params.officeId))
    .orderBy(asc(officeProviders.priority), asc(officeProviders.createdAt));
  const appUrl = getEnv().APP_URL;
  return rows.map(({ webhookKey, ...row }) => ({
    ...row,
    webhookUrl: ["verimor", "iletimerkezi", "twilio"].includes(row.kind) ? `${appUrl}/api/webhooks/${row.kind}?token=${webhookKey}` : null,
  }));
}

/** "Bağlantıyı sına": asks the provider to check the credentials, and records the answer. */
export async function testProviderSetting(params: { officeId: string; id: string }) {
  const [row] = await db
    .select({ id: officeProviders.id, enabled: officeProviders.enabled })
    .from(officeProviders)
    .where(and(eq(officeProviders.id, params.id), eq(officeProviders.officeId, params.officeId)));
  if (!row) return undefined;
  // Disabled providers are not in the sending list, so build the adapter from the row itself.
  const entries = await providersForOffice(db, params.officeId, { includeDisabled: true });
  const entry = entries.find((candidate) => candidate.settingId === params.id);
  let ok = false;
  let message: string;
  if (!entry?.provider.testConnection) {
    message = "Bu sağlayıcı bağlantı sınamasını desteklemiyor.";
  } else {
    try {
      const check = await entry.provider.testConnection();
      ok = check.ok;
      message = check.ok ? [check.detail, check.senders?.length ? `Başlıklar: ${check.senders.join(", ")}` : ""].filter(Boolean).join(" · ") || "OK" : `${check.code} ${check.text}`;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
  }
  await db
    .update(officeProviders)
    .set({ lastTestAt: new Date(), lastTestOk: ok, lastTestMessage: message.slice(0, 500) })
    .where(and(eq(officeProviders.id, params.id), eq(officeProviders.officeId, params.officeId)));
  return { ok, message };
}
