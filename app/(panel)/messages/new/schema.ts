import { z } from "zod";
import { normalizePhone } from "@/lib/sms/phone";

export const MAX_BODY_LENGTH = 1000;

// Error messages are catalog keys under "newMessage.errors"; the form translates them.
export const newMessageSchema = z.object({
  recipient: z
    .string()
    .trim()
    .min(1, "recipientRequired")
    .superRefine((value, ctx) => {
      if (!value) return;
      const check = normalizePhone(value);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.reason === "not-mobile" ? "recipientNotMobile" : "recipientInvalid" });
    }),
  body: z.string().trim().min(1, "bodyRequired").max(MAX_BODY_LENGTH, "bodyTooLong"),
});

export type NewMessageInput = z.infer<typeof newMessageSchema>;
