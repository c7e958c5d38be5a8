import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { AKSARAY, seedWithClerk } from "../support/fixtures";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { TwilioFake } from "../fakes/twilio-fake";
import { messageEvents, messages } from "@/lib/db/schema";
import { queueMessage } from "@/lib/messaging/queue-message";
import { claimMessage, handOverMessage } from "@/lib/messaging/hand-over";
import { createProviderSetting } from "@/lib/messaging/provider-settings";
import { providersForOffice } from "@/lib/messaging/office-providers";

// Twilio signs each StatusCallback over the public URL the app gave it (APP_URL + path + query);
// the route checks that signature with the office's auth token before reading anything.
describe("Twilio status callbacks", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  let receiver: { url: string; close: () => void };
  const twilio = new TwilioFake({ duplicateEvery: 3, lateSentEvery: 4 });
  const globalForEnv = globalThis as unknown as { __icraEnv?: unknown };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
    receiver = await startWebhookReceiver(() => testDb.db);
    // The callback URL and the signed URL both come from APP_URL: point it at the receiver.
    process.env.APP_URL = receiver.url;
    delete globalForEnv.__icraEnv;
    await twilio.start();
    await createProviderSetting(testDb.db, {
      officeId: AKSARAY,
      kind: "twilio",
      label: "Twilio",
      credentials: { accountSid: twilio.accountSid, authToken: twilio.authToken, from: "+15005550006" },
      settings: { baseUrl: twilio.baseUrl },
    });
  });
  afterAll(async () => {
    await twilio.close();
    receiver?.close();
    delete process.env.APP_URL;
    delete globalForEnv.__icraEnv;
    await testDb?.close();
  });

  it("applies signed callbacks once each, whatever their order and repetition", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient: `+9053677788${String(i).padStart(2, "0")}`, body: `Twilio ${i}`, auditAction: "test" });
      await claimMessage(testDb.db, messageId, `run-${i}`);
      expect((await handOverMessage(testDb.db, messageId, await providersForOffice(testDb.db, AKSARAY))).status).toBe("sent");
      ids.push(messageId);
    }
    const open = async () => (await testDb.db.select({ status: messages.status }).from(messages).where(inArray(messages.id, ids))).filter((r) => r.status === "sent").length;
    await expect.poll(open, { timeout: 15_000 }).toBe(0);
    await twilio.pusher.idle();
    expect(twilio.pusher.attempts.every((attempt) => attempt.status === 200)).toBe(true);
    const rows = await testDb.db.select().from(messages).where(inArray(messages.id, ids));
    for (const row of rows) {
      const lastDigit = row.recipient.at(-1);
      expect(row.status, row.recipient).toBe(lastDigit === "0" || lastDigit === "9" ? "undelivered" : "delivered");
    }
    const events = await testDb.db.select().from(messageEvents).where(inArray(messageEvents.messageId, ids));
    for (const id of ids) expect(events.filter((event) => event.messageId === id)).toHaveLength(4);
  });

  it("refuses a callback whose signature does not match", async () => {
    const url = twilio.messages[0].statusCallback!;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "bm90LXRoZS1zaWduYXR1cmU=" },
      body: new URLSearchParams({ MessageSid: twilio.messages[0].id, MessageStatus: "delivered", AccountSid: twilio.accountSid }).toString(),
    });
    expect(response.status).toBe(401);
  });
});
