import { and, eq, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { messages } from "@/lib/db/schema";
import { dispatchQueued } from "@/lib/messaging/dispatch";
import { inngest } from "../client";

const STALE_AFTER_MS = 2 * 60_000;

/**
 * The safety net behind "no message lost": a message committed as queued whose event never
 * reached Inngest (the send failed after the commit) is handed over again. Events carry the
 * message id as their id, so Inngest drops a repeat of one it already has; and a repeated run
 * finds the message claimed and stops.
 */
export const sweepStaleQueue = inngest.createFunction(
  { id: "sweep-stale-queue", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const stale = await step.run("find-stale", async () =>
      db
        .select({ messageId: messages.id, officeId: messages.officeId })
        .from(messages)
        .where(and(eq(messages.status, "queued"), lt(messages.updatedAt, new Date(Date.now() - STALE_AFTER_MS))))
        .limit(500),
    );
    if (stale.length > 0) await step.run("dispatch", () => dispatchQueued(stale));
    return { redispatched: stale.length };
  },
);
