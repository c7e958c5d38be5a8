import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { officeProviders } from "@/lib/db/schema";
import { errorMessage } from "@/lib/logger";
import { providersForOffice } from "./office-providers";

/** "Bağlantıyı sına": asks the provider to check the credentials, and records the answer. */
export async function testProviderSetting(db: Database, params: { officeId: string; id: string }) {
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
      message = errorMessage(error);
    }
  }
  await db
    .update(officeProviders)
    .set({ lastTestAt: new Date(), lastTestOk: ok, lastTestMessage: message.slice(0, 500) })
    .where(and(eq(officeProviders.id, params.id), eq(officeProviders.officeId, params.officeId)));
  return { ok, message };
}
