import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messageAttempts, messageEvents, messages, offices } from "@/lib/db/schema";
import type { SmsProvider } from "@/lib/sms/providers/types";
import { transitionMessage } from "./transition";

/** Thrown for a retryable provider answer so that the background step is retried with backoff. */
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

export type HandOverResult = { status: "sent" | "failed" | "skipped"; providerMessageId?: string };

/**
 * Hands a message to its provider exactly once. The attempt is recorded before the call and
 * completed after it; a retry after a crash finds the unfinished attempt and, because the
 * provider deduplicates on our idempotency key, resubmits it without sending a second SMS.
 */
export async function handOverMessage(db: Database, messageId: string, provider: SmsProvider): Promise<HandOverResult> {
  const [message] = await db
    .select({ message: messages, sender: offices.senderName })
    .from(messages)
    .innerJoin(offices, eq(offices.id, messages.officeId))
    .where(eq(messages.id, messageId));
  if (!message || message.message.status !== "sending") return { status: "skipped" };
  const sms = message.message;

  const [lastAttempt] = await db
    .select()
    .from(messageAttempts)
    .where(eq(messageAttempts.messageId, messageId))
    .orderBy(desc(messageAttempts.attemptNo))
    .limit(1);
  if (lastAttempt && lastAttempt.outcome === null && !provider.capabilities.idempotentSubmit) {
    // The earlier call may have gone out: without deduplication, resending could send twice.
    await finishAttempt(db, lastAttempt.id, { outcome: "unknown" });
    await transitionMessage(db, {
      messageId,
      to: "failed",
      source: "worker",
      set: { errorCode: "UNKNOWN_OUTCOME", errorText: "Sağlayıcı yanıtı alınamadı; tekrar gönderim yapılmadı." },
    });
    return { status: "failed" };
  }

  const attemptNo = (lastAttempt?.attemptNo ?? 0) + 1;
  const [attempt] = await db
    .insert(messageAttempts)
    .values({ messageId, provider: provider.id, attemptNo })
    .returning({ id: messageAttempts.id });
  await db.update(messages).set({ attempts: sql`${messages.attempts} + 1` }).where(eq(messages.id, messageId));

  const [outcome] = await provider.send([
    {
      messageId,
      officeId: sms.officeId,
      idempotencyKey: sms.idempotencyKey,
      to: sms.recipient,
      body: sms.body,
      sender: message.sender,
      encoding: sms.encoding,
    },
  ]);

  if (outcome.outcome === "accepted") {
    await finishAttempt(db, attempt.id, { outcome: "accepted", providerMessageId: outcome.providerMessageId });
    await transitionMessage(db, {
      messageId,
      to: "sent",
      source: "worker",
      set: { provider: provider.id, providerMessageId: outcome.providerMessageId, sentAt: new Date() },
    });
    return { status: "sent", providerMessageId: outcome.providerMessageId };
  }
  await finishAttempt(db, attempt.id, { outcome: outcome.outcome, errorCode: outcome.code, errorText: outcome.text });
  if (outcome.outcome === "rejected") {
    await transitionMessage(db, {
      messageId,
      to: "failed",
      source: "worker",
      set: { provider: provider.id, errorCode: outcome.code, errorText: outcome.text },
    });
    return { status: "failed" };
  }
  throw new RetryableSendError(outcome.code, outcome.text, outcome.retryAfterMs);
}

async function finishAttempt(
  db: Database,
  attemptId: number,
  result: { outcome: string; providerMessageId?: string; errorCode?: string; errorText?: string },
) {
  await db
    .update(messageAttempts)
    .set({ ...result, finishedAt: new Date() })
    .where(eq(messageAttempts.id, attemptId));
}

/** After the last retry: the message is marked failed with the last error. */
export async function failMessage(db: Database, messageId: string, errorText: string): Promise<void> {
  await transitionMessage(db, { messageId, to: "failed", source: "worker", set: { errorCode: "RETRIES_EXHAUSTED", errorText } });
}
