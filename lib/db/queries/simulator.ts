import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../client";
import { simulatorInbox } from "../schema";

/** The simulated handsets' inboxes, grouped by number, for what this office sent. */
export async function listSimulatorInboxes(params: { officeId: string; limit?: number }) {
  const rows = await db
    .select()
    .from(simulatorInbox)
    .where(eq(simulatorInbox.officeId, params.officeId))
    .orderBy(desc(simulatorInbox.receivedAt))
    .limit(params.limit ?? 200);
  const byNumber = new Map<string, typeof rows>();
  for (const row of rows) byNumber.set(row.recipient, [...(byNumber.get(row.recipient) ?? []), row]);
  return [...byNumber.entries()].map(([recipient, received]) => ({ recipient, received }));
}
