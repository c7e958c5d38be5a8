import { inngest } from "@/inngest/client";
import { messageQueued } from "@/inngest/events";
import { errorMessage, logger } from "@/lib/logger";

/**
 * Hands committed messages to the background worker. A failure here leaves them "queued" in the
 * database, where the stale-queue sweep finds them again: no message is lost.
 */
export async function dispatchQueued(items: { messageId: string; officeId: string }[]): Promise<void> {
  try {
    await inngest.send(items.map((item) => messageQueued.create(item, { id: `message-queued-${item.messageId}` })));
  } catch (error) {
    logger.error("dispatch failed; messages stay queued", { count: items.length, error: errorMessage(error) });
  }
}
