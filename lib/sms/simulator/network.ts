import { and, asc, isNull, lte } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { simulatorInbox } from "@/lib/db/schema";
import { errorMessage, logger } from "@/lib/logger";
import { simulatorWebhookKey } from "./webhook-key";

type NetworkOptions = { db: Database; appUrl: string; deliveryDelayMs: number; intervalMs?: number };

/**
 * The simulated operator network: a moment after a message reaches a handset it pushes a
 * delivery report to /api/webhooks/simulator and keeps retrying until the app answers 200.
 * Its state is in the database, so reports still arrive after a restart.
 */
export function startSimulatorNetwork(options: NetworkOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const url = `${options.appUrl}/api/webhooks/simulator?token=${simulatorWebhookKey()}`;

  async function reportDue() {
    const due = await options.db
      .select()
      .from(simulatorInbox)
      .where(and(isNull(simulatorInbox.reportedAt), lte(simulatorInbox.receivedAt, new Date(Date.now() - options.deliveryDelayMs))))
      .orderBy(asc(simulatorInbox.receivedAt))
      .limit(100);
    if (due.length === 0) return;
    const deliveredAt = new Date();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(due.map((entry) => ({ id: entry.providerMessageId, status: "DELIVERED", at: deliveredAt.toISOString() }))),
    });
    if (!response.ok) {
      logger.warn("simulator report not accepted", { status: response.status, count: due.length });
      return;
    }
    const { accepted } = (await response.json()) as { accepted: string[] };
    for (const id of accepted) {
      await options.db
        .update(simulatorInbox)
        .set({ deliveredAt, reportedAt: deliveredAt })
        .where(eq(simulatorInbox.providerMessageId, id));
    }
  }

  const loop = async () => {
    if (stopped) return;
    try {
      await reportDue();
    } catch (error) {
      logger.warn("simulator network round failed", { error: errorMessage(error) });
    }
    if (!stopped) timer = setTimeout(loop, options.intervalMs ?? 300);
  };
  timer = setTimeout(loop, options.intervalMs ?? 300);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
