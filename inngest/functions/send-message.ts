import { RetryAfterError } from "inngest";
import { db } from "@/lib/db/client";
import { claimMessage, failMessage, handOverMessage, RetryableSendError } from "@/lib/messaging/hand-over";
import { providersForOffice } from "@/lib/messaging/office-providers";
import { inngest } from "../client";
import { messageQueued } from "../events";

/** Takes a queued message to its provider: queued → sending → sent (or failed). */
export const sendMessage = inngest.createFunction(
  {
    id: "send-message",
    triggers: [messageQueued],
    retries: 5,
    // One office's big campaign must not starve the others.
    concurrency: { limit: 5, key: "event.data.officeId" },
    onFailure: async ({ event, error }) => {
      await failMessage(db, event.data.event.data.messageId as string, error.message);
    },
  },
  async ({ event, step, runId }) => {
    const { messageId, officeId } = event.data;
    const claimed = await step.run("claim", () => claimMessage(db, messageId, runId));
    if (!claimed) return { status: "skipped" as const };
    return step.run("hand-to-provider", async () => {
      try {
        return await handOverMessage(db, messageId, await providersForOffice(db, officeId));
      } catch (error) {
        if (error instanceof RetryableSendError && error.retryAfterMs) {
          throw new RetryAfterError(error.message, error.retryAfterMs);
        }
        throw error;
      }
    });
  },
);
