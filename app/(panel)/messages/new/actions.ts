"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { dispatchQueued } from "@/lib/messaging/dispatch";
import { queueMessage } from "@/lib/messaging/queue-message";
import { normalizePhone } from "@/lib/sms/phone";
import { newMessageSchema } from "./schema";

export const sendMessageAction = userAction({ name: "message.send" }, newMessageSchema, async (input, ctx) => {
  const phone = normalizePhone(input.recipient);
  if (!phone.ok) throw new Error("schema accepted an invalid number");
  const { messageId } = await queueMessage(db, {
    officeId: ctx.officeId,
    userId: ctx.user.id,
    recipient: phone.e164,
    body: input.body,
    ip: ctx.ip,
    auditAction: "message.send",
  });
  await dispatchQueued([{ messageId, officeId: ctx.officeId }]);
  revalidatePath("/messages");
  return { messageId };
});
