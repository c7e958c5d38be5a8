import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { messageAttempts, messages, type MessageAttempt } from "@/lib/db/schema";

export async function lastAttempt(db: Database, messageId: string): Promise<MessageAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(messageAttempts)
    .where(eq(messageAttempts.messageId, messageId))
    .orderBy(desc(messageAttempts.attemptNo))
    .limit(1);
  return attempt;
}

/** Written before the provider is called, so a crash during the call leaves a trace. */
export async function startAttempt(db: Database, input: { messageId: string; provider: string; providerSettingId: string | null; attemptNo: number }) {
  const [attempt] = await db.insert(messageAttempts).values(input).returning({ id: messageAttempts.id });
  await db.update(messages).set({ attempts: sql`${messages.attempts} + 1` }).where(eq(messages.id, input.messageId));
  return attempt.id;
}

export async function finishAttempt(
  db: Database,
  attemptId: number,
  result: { outcome: "accepted" | "rejected" | "retryable" | "unknown"; providerMessageId?: string; errorCode?: string; errorText?: string },
) {
  await db
    .update(messageAttempts)
    .set({ ...result, finishedAt: new Date() })
    .where(eq(messageAttempts.id, attemptId));
}
