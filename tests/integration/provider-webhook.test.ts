import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { AKSARAY, NIGDE, seedWithClerk } from "../support/fixtures";
import { VerimorFake, type VerimorFakeOptions } from "../fakes/verimor-fake";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { messageEvents, messages } from "@/lib/db/schema";
import { queueMessage } from "@/lib/messaging/queue-message";
import { claimMessage, handOverMessage } from "@/lib/messaging/hand-over";
import { createProviderSetting } from "@/lib/messaging/provider-settings";
import { providersForOffice } from "@/lib/messaging/office-providers";

// Verimor pushes its reports (in arrays, some twice, some stale, out of order) to the app's
// webhook handler, mounted here on a local HTTP server as the Next.js route mounts it.
describe("delivery reports pushed to the webhook", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  let receiver: { url: string; close: () => void };
  let receiverUrl: string;
  let token: string;
  const options: VerimorFakeOptions = { headers: ["AKSARAYICRA"], duplicateEvery: 3, lateWaitingEvery: 4, reportDelayMs: [5, 60], pushRetryDelayMs: 50 };
  const verimor = new VerimorFake(options);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
    receiver = await startWebhookReceiver(() => testDb.db);
    receiverUrl = receiver.url;
    await verimor.start();
    ({ webhookKey: token } = await createProviderSetting(testDb.db, {
      officeId: AKSARAY,
      kind: "verimor",
      label: "Verimor",
      credentials: { username: verimor.username, password: verimor.password, sourceAddr: "AKSARAYICRA" },
      settings: { baseUrl: verimor.baseUrl },
    }));
    options.pushUrl = `${receiverUrl}/api/webhooks/verimor?token=${token}`;
  });
  afterAll(async () => {
    await verimor.close();
    receiver?.close();
    await testDb?.close();
  });

  it("moves every message to its final state once, whatever order and repetition the reports come in", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const recipient = `+9053312345${String(i).padStart(2, "0")}`;
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient, body: `Rapor ${i}`, auditAction: "test" });
      await claimMessage(testDb.db, messageId, `run-${i}`);
      await handOverMessage(testDb.db, messageId, await providersForOffice(testDb.db, AKSARAY));
      ids.push(messageId);
    }
    await expect
      .poll(async () => (await testDb.db.select({ status: messages.status }).from(messages).where(inArray(messages.id, ids))).filter((r) => r.status === "sent").length, {
        timeout: 15_000,
      })
      .toBe(0);
    await verimor.pusher.idle();
    const rows = await testDb.db.select().from(messages).where(inArray(messages.id, ids));
    for (const row of rows) {
      const lastDigit = row.recipient.at(-1);
      expect(row.status, row.recipient).toBe(lastDigit === "0" ? "undelivered" : lastDigit === "9" ? "expired" : "delivered");
    }
    const events = await testDb.db.select().from(messageEvents).where(inArray(messageEvents.messageId, ids));
    for (const id of ids) {
      expect(events.filter((event) => event.messageId === id).map((event) => event.toStatus)).toHaveLength(4);
    }
  });

  it("refuses a wrong token and cannot touch another office's message", async () => {
    const push = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await push(`${receiverUrl}/api/webhooks/verimor?token=wrong`, [])).status).toBe(401);
    expect((await push(`${receiverUrl}/api/webhooks/netgsm?token=${token}`, [])).status).toBe(401);

    const [other] = await testDb.db
      .insert(messages)
      .values({ officeId: NIGDE, recipient: "+905051112233", body: "Niğde", encoding: "gsm7-tr", segments: 1, status: "sent", provider: "verimor", providerMessageId: "999:other", idempotencyKey: "other" })
      .returning();
    const report = [{ type: "outbound", campaign_id: 999, message_id: 1, campaign_custom_id: null, message_custom_id: "other", dest: "905051112233", status: "DELIVERED", gsm_error: "0", done_at: "2026-12-03 10:00:00" }];
    // Acknowledged (parked for this office, in case its own message is still being handed over), never applied to Niğde's.
    expect((await push(options.pushUrl!, report)).status).toBe(200);
    const [after] = await testDb.db.select().from(messages).where(eq(messages.id, other.id));
    expect(after.status).toBe("sent");
  });
});
