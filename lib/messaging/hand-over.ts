import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messageEvents, messages, offices } from "@/lib/db/schema";
import type { ProviderEntry } from "@/lib/messaging/office-providers";
import type { OutboundSms, SendOutcome } from "@/lib/sms/providers/types";
import { applyEarlyReports } from "./apply-delivery-report";
import { finishAttempt, lastAttempt, startAttempt } from "./attempts";
import { transitionMessage } from "./transition";

/** Thrown for a retryable answer so that the background step is retried with backoff. */
export class RetryableSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Queued → sending, on behalf of one background run. True also when this same run claimed it
 * before a crash; false when another run did (a repeated event) or the message is past that point.
 */
export async function claimMessage(db: Database, messageId: string, runId: string): Promise<boolean> {
  const result = await transitionMessage(db, { messageId, to: "sending", source: "worker", rawPayload: { runId } });
  if (result.changed) return true;
  if (result.current !== "sending") return false;
  const [claim] = await db
    .select({ rawPayload: messageEvents.rawPayload })
    .from(messageEvents)
    .where(and(eq(messageEvents.messageId, messageId), eq(messageEvents.toStatus, "sending")))
    .limit(1);
  return (claim?.rawPayload as { runId?: string } | null)?.runId === runId;
}

export type HandOverResult = { status: "sent" | "failed" | "skipped"; provider?: string; providerMessageId?: string };

/**
 * Hands a message to the first provider that takes it, in the office's order. Each attempt is
 * recorded before the call and completed after it. A provider-level failure (credentials, 5xx,
 * timeout, throttling) moves on to the next provider; a message-level rejection (bad number,
 * blacklisted) does not, as every provider would refuse it. After a crash, an unfinished attempt
 * is resumed with the same provider when that provider deduplicates on our key; otherwise the
 * message is marked failed rather than risk a second SMS.
 */
export async function handOverMessage(db: Database, messageId: string, entries: ProviderEntry[]): Promise<HandOverResult> {
  const [row] = await db
    .select({ message: messages, sender: offices.senderName })
    .from(messages)
    .innerJoin(offices, eq(offices.id, messages.officeId))
    .where(eq(messages.id, messageId));
  if (!row || row.message.status !== "sending") return { status: "skipped" };
  const sms: OutboundSms = {
    messageId,
    officeId: row.message.officeId,
    idempotencyKey: row.message.idempotencyKey,
    to: row.message.recipient,
    body: row.message.body,
    sender: row.sender,
    encoding: row.message.encoding,
  };

  const previous = await lastAttempt(db, messageId);
  let order = entries;
  if (previous && previous.outcome === null) {
    const same = entries.find((entry) => entry.kind === previous.provider && entry.settingId === previous.providerSettingId);
    if (!same || !same.provider.capabilities.idempotentSubmit) {
      await finishAttempt(db, previous.id, { outcome: "unknown" });
      await transitionMessage(db, {
        messageId,
        to: "failed",
        source: "worker",
        set: { provider: previous.provider, errorCode: "UNKNOWN_OUTCOME", errorText: "provider answer lost; not resent to avoid a duplicate" },
      });
      return { status: "failed", provider: previous.provider };
    }
    order = [same, ...entries.filter((entry) => entry !== same)];
  }

  let attemptNo = previous?.attemptNo ?? 0;
  let lastRetryable: Extract<SendOutcome, { outcome: "retryable" }> | undefined;
  for (const entry of order) {
    attemptNo += 1;
    const attemptId = await startAttempt(db, { messageId, provider: entry.kind, providerSettingId: entry.settingId, attemptNo });
    // An adapter that throws has not said whether the message went out: the attempt stays
    // unfinished and the retry decides from it.
    const [outcome] = await entry.provider.send([sms]);
    const set = { provider: entry.kind, providerSettingId: entry.settingId };
    if (outcome.outcome === "accepted") {
      await finishAttempt(db, attemptId, { outcome: "accepted", providerMessageId: outcome.providerMessageId });
      await transitionMessage(db, { messageId, to: "sent", source: "worker", set: { ...set, providerMessageId: outcome.providerMessageId, sentAt: new Date() } });
      await applyEarlyReports(db, { provider: entry.kind, officeId: sms.officeId }, outcome.providerMessageId);
      return { status: "sent", provider: entry.kind, providerMessageId: outcome.providerMessageId };
    }
    await finishAttempt(db, attemptId, { outcome: outcome.outcome, errorCode: outcome.code, errorText: outcome.text });
    if (outcome.outcome === "rejected") {
      await transitionMessage(db, { messageId, to: "failed", source: "worker", set: { ...set, errorCode: outcome.code, errorText: outcome.text } });
      return { status: "failed", provider: entry.kind };
    }
    lastRetryable = outcome;
    if (outcome.scope === "message") break;
  }
  const last = lastRetryable!;
  throw new RetryableSendError(last.code, last.text, last.retryAfterMs);
}

/** After the last retry: the message is marked failed with the last error. */
export async function failMessage(db: Database, messageId: string, errorText: string): Promise<void> {
  await transitionMessage(db, { messageId, to: "failed", source: "worker", set: { errorCode: "RETRIES_EXHAUSTED", errorText } });
}
