import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { messageEvents, messages, type Message, type MessageStatus } from "@/lib/db/schema";
import { canTransition } from "./status";

export type TransitionInput = {
  messageId: string;
  to: MessageStatus;
  /** panel | worker | webhook:<provider> | poll:<provider> | system */
  source: string;
  rawPayload?: unknown;
  /** Columns written together with the status, e.g. the provider's id on "sent". */
  set?: Partial<Pick<Message, "provider" | "providerSettingId" | "providerMessageId" | "errorCode" | "errorText" | "sentAt" | "deliveredAt">>;
  at?: Date;
};

export type TransitionResult = { changed: true; from: MessageStatus } | { changed: false; current: MessageStatus | null };

/**
 * Moves a message to a new status and appends the timeline event, atomically. The row is locked
 * first, so two reports racing for the same message are applied one after the other and the
 * later one sees the state the first left.
 */
export async function transitionMessage(db: Executor, input: TransitionInput): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: messages.status })
      .from(messages)
      .where(eq(messages.id, input.messageId))
      .for("update");
    if (!current) return { changed: false, current: null };
    if (!canTransition(current.status, input.to)) return { changed: false, current: current.status };
    const at = input.at ?? new Date();
    await tx
      .update(messages)
      .set({ ...input.set, status: input.to, updatedAt: at })
      .where(eq(messages.id, input.messageId));
    await tx.insert(messageEvents).values({
      messageId: input.messageId,
      fromStatus: current.status,
      toStatus: input.to,
      at,
      source: input.source,
      rawPayload: input.rawPayload ?? null,
    });
    return { changed: true, from: current.status };
  });
}
