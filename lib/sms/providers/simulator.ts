import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { simulatorInbox } from "@/lib/db/schema";
import type { OutboundSms, SendOutcome, SmsProvider } from "./types";

/**
 * The embedded default provider: it accepts messages into simulated handset inboxes. Delivery
 * reports come later from the simulated network (lib/sms/simulator/network.ts) through the
 * webhook route, the same path real providers use; this adapter never touches message status.
 */
export function createSimulatorProvider(options: { db: Database; sendDelayMs?: number }): SmsProvider {
  return {
    id: "simulator",
    capabilities: { maxBatch: 100, pushReports: true, idempotentSubmit: true },
    async send(batch: OutboundSms[]): Promise<SendOutcome[]> {
      const outcomes: SendOutcome[] = [];
      for (const sms of batch) {
        await options.db
          .insert(simulatorInbox)
          .values({
            officeId: sms.officeId,
            providerMessageId: `SIM-${crypto.randomUUID()}`,
            clientRef: sms.idempotencyKey,
            sender: sms.sender,
            recipient: sms.to,
            body: sms.body,
          })
          .onConflictDoNothing({ target: simulatorInbox.clientRef });
        // A resubmission with the same key gets the first record's id back, as a deduplicating SMSC would.
        const [stored] = await options.db
          .select({ providerMessageId: simulatorInbox.providerMessageId })
          .from(simulatorInbox)
          .where(eq(simulatorInbox.clientRef, sms.idempotencyKey));
        outcomes.push({ messageId: sms.messageId, outcome: "accepted", providerMessageId: stored.providerMessageId });
      }
      // A slow acknowledgement lets tests kill the app after the "operator" took the message
      // but before the app heard back: the hardest moment for exactly-once.
      if (options.sendDelayMs) await new Promise((resolve) => setTimeout(resolve, options.sendDelayMs));
      return outcomes;
    },
  };
}
