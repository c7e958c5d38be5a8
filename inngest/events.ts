import { eventType } from "inngest";
import { z } from "zod";

// Event names are dotted and versioned through their payload schema; each payload is validated
// by the SDK when the event is created and when a function receives it.

export const messageQueued = eventType("sms/message.queued", {
  schema: z.object({ messageId: z.uuid(), officeId: z.uuid() }),
});
