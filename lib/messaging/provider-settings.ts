import crypto from "node:crypto";
import { and, asc, eq, max } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { officeProviders, type ProviderKind, type ProviderSettings } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { parseKey, seal } from "@/lib/crypto/secret-box";

/** Seals credentials bound to the row id, so a value copied into another row does not open. */
function sealCredentials(id: string, credentials: Record<string, unknown>): string {
  return seal(JSON.stringify(credentials), parseKey(getEnv().CREDENTIALS_KEY), id);
}

export async function createProviderSetting(
  db: Executor,
  input: { officeId: string; kind: ProviderKind; label: string; credentials: Record<string, unknown>; settings?: ProviderSettings },
): Promise<{ id: string; webhookKey: string }> {
  const id = crypto.randomUUID();
  const webhookKey = crypto.randomBytes(24).toString("hex");
  const [{ last }] = await db.select({ last: max(officeProviders.priority) }).from(officeProviders).where(eq(officeProviders.officeId, input.officeId));
  await db.insert(officeProviders).values({
    id,
    officeId: input.officeId,
    kind: input.kind,
    label: input.label,
    priority: (last ?? 0) + 1,
    credentials: sealCredentials(id, input.credentials),
    settings: input.settings ?? {},
    webhookKey,
  });
  return { id, webhookKey };
}

/** Moves one provider up or down in the office's order by swapping with its neighbour. */
export async function moveProviderSetting(db: Executor, input: { officeId: string; id: string; direction: "up" | "down" }): Promise<boolean> {
  const rows = await db
    .select({ id: officeProviders.id, priority: officeProviders.priority })
    .from(officeProviders)
    .where(eq(officeProviders.officeId, input.officeId))
    .orderBy(asc(officeProviders.priority), asc(officeProviders.createdAt));
  const index = rows.findIndex((row) => row.id === input.id);
  const other = rows[input.direction === "up" ? index - 1 : index + 1];
  if (index < 0 || !other) return false;
  // Renumbering every row keeps priorities distinct even if earlier edits left ties.
  const reordered = [...rows];
  [reordered[index], reordered[rows.indexOf(other)]] = [other, rows[index]];
  for (const [position, row] of reordered.entries()) {
    await db
      .update(officeProviders)
      .set({ priority: position + 1 })
      .where(and(eq(officeProviders.id, row.id), eq(officeProviders.officeId, input.officeId)));
  }
  return true;
}

export async function setProviderEnabled(db: Executor, input: { officeId: string; id: string; enabled: boolean }): Promise<boolean> {
  const updated = await db
    .update(officeProviders)
    .set({ enabled: input.enabled, updatedAt: new Date() })
    .where(and(eq(officeProviders.id, input.id), eq(officeProviders.officeId, input.officeId)))
    .returning({ id: officeProviders.id });
  return updated.length > 0;
}

export async function deleteProviderSetting(db: Executor, input: { officeId: string; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(officeProviders)
    .where(and(eq(officeProviders.id, input.id), eq(officeProviders.officeId, input.officeId)))
    .returning({ id: officeProviders.id });
  return deleted.length > 0;
}
