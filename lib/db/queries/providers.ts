import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../client";
import { officeProviders } from "../schema";
import { getEnv } from "@/lib/env";

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
