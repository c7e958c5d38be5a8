import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { officeProviders, type OfficeProvider, type ProviderSettings } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { open, parseKey } from "@/lib/crypto/secret-box";
import { errorMessage, logger } from "@/lib/logger";
import { applyDeliveryReport } from "./apply-delivery-report";
import { buildProvider } from "@/lib/sms/providers/build";
import { createSimulatorProvider } from "@/lib/sms/providers/simulator";
import type { SmsProvider } from "@/lib/sms/providers/types";

/** A provider as the sending path sees it: which office setting it came from, and its adapter. */
export type ProviderEntry = { settingId: string | null; kind: string; provider: SmsProvider; settings: ProviderSettings };

// Adapters keep state worth keeping (Netgsm's report budget, an SMPP bind), so one instance per
// setting version lives for the whole process.
const globalForProviders = globalThis as unknown as { __icraProviders?: Map<string, { version: number; entry: ProviderEntry }> };
const cache = (globalForProviders.__icraProviders ??= new Map());

export function decryptCredentials(row: Pick<OfficeProvider, "id" | "credentials">): Record<string, unknown> {
  return JSON.parse(open(row.credentials, parseKey(getEnv().CREDENTIALS_KEY), row.id)) as Record<string, unknown>;
}

function entryFor(db: Database, row: OfficeProvider): ProviderEntry {
  const version = row.updatedAt.getTime();
  const cached = cache.get(row.id);
  if (cached?.version === version) return cached.entry;
  const old = cached?.entry.provider as { close?: () => Promise<void> } | undefined;
  void old?.close?.().catch(() => {});
  const settings = (row.settings ?? {}) as ProviderSettings;
  const provider = buildProvider(row, decryptCredentials(row), settings, {
    appUrl: getEnv().APP_URL,
    onReport: (report) => {
      applyDeliveryReport(db, { provider: row.kind, officeId: row.officeId }, report, `receipt:${row.kind}`).catch((error) =>
        logger.warn("receipt not applied", { settingId: row.id, error: errorMessage(error) }),
      );
    },
  });
  const entry: ProviderEntry = { settingId: row.id, kind: row.kind, provider, settings };
  cache.set(row.id, { version, entry });
  return entry;
}

export async function enabledProviderRows(db: Database, officeId: string, options: { includeDisabled?: boolean } = {}): Promise<OfficeProvider[]> {
  return db
    .select()
    .from(officeProviders)
    .where(and(eq(officeProviders.officeId, officeId), options.includeDisabled ? undefined : eq(officeProviders.enabled, true)))
    .orderBy(asc(officeProviders.priority), asc(officeProviders.createdAt));
}

/**
 * The office's providers in failover order. An office that has configured none sends through
 * the simulator, the embedded default.
 */
export async function providersForOffice(db: Database, officeId: string, options: { includeDisabled?: boolean } = {}): Promise<ProviderEntry[]> {
  const rows = await enabledProviderRows(db, officeId, options);
  if (rows.length === 0) {
    return [{ settingId: null, kind: "simulator", provider: createSimulatorProvider({ db, sendDelayMs: getEnv().SIMULATOR_SEND_DELAY_MS }), settings: {} }];
  }
  return rows.map((row) => entryFor(db, row));
}

export async function isSimulatorActive(db: Database, officeId: string): Promise<boolean> {
  return (await enabledProviderRows(db, officeId)).length === 0;
}
