import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { AKSARAY, seedWithClerk } from "../support/fixtures";
import { auditLog, earlyReports, messageAttempts, messageEvents, messages, simulatorInbox } from "@/lib/db/schema";
import { queueMessage } from "@/lib/messaging/queue-message";
import { claimMessage, handOverMessage } from "@/lib/messaging/hand-over";
import { applyDeliveryReport } from "@/lib/messaging/apply-delivery-report";
import { createSimulatorProvider } from "@/lib/sms/providers/simulator";
import type { SmsProvider } from "@/lib/sms/providers/types";

const entries = (...providers: SmsProvider[]) => providers.map((provider) => ({ settingId: null, kind: provider.id, provider, settings: {} }));

describe("a message's life: queued → sending → sent → delivered", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
  });
  afterAll(async () => testDb?.close());

  const queue = (body: string) =>
    queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient: "+905321234567", body, auditAction: "message.send" });

  const timeline = async (messageId: string) =>
    (await testDb.db.select().from(messageEvents).where(eq(messageEvents.messageId, messageId)).orderBy(asc(messageEvents.id))).map(
      (event) => event.toStatus,
    );

  it("writes the message, its first event and the audit row together, with Turkish billing", async () => {
    const { messageId } = await queue("Sayın Ayşe Yılmaz, başvurunuz işleme alınmıştır.");
    const [message] = await testDb.db.select().from(messages).where(eq(messages.id, messageId));
    expect(message).toMatchObject({ status: "queued", encoding: "gsm7-tr", segments: 1, officeId: AKSARAY });
    expect(await timeline(messageId)).toEqual(["queued"]);
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.entityId, messageId));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ recipient: "+90 532 *** ** 67" });
  });

  it("hands over once, then applies delivery reports monotonically and idempotently", async () => {
    const { messageId } = await queue("Deneme mesajı");
    const provider = createSimulatorProvider({ db: testDb.db });
    expect(await claimMessage(testDb.db, messageId, "run-1")).toBe(true);
    expect(await claimMessage(testDb.db, messageId, "run-1")).toBe(true);
    expect(await claimMessage(testDb.db, messageId, "run-2")).toBe(false);
    const result = await handOverMessage(testDb.db, messageId, entries(provider));
    expect(result.status).toBe("sent");
    expect(await handOverMessage(testDb.db, messageId, entries(provider))).toEqual({ status: "skipped" });

    const report = { providerMessageId: result.providerMessageId!, status: "delivered" as const, raw: { n: 1 } };
    expect(await applyDeliveryReport(testDb.db, { provider: "simulator" }, report, "webhook:simulator")).toBe("applied");
    expect(await applyDeliveryReport(testDb.db, { provider: "simulator" }, report, "webhook:simulator")).toBe("ignored");
    const late = { providerMessageId: result.providerMessageId!, status: "sent" as const, raw: { n: 2 } };
    expect(await applyDeliveryReport(testDb.db, { provider: "simulator" }, late, "poll:simulator")).toBe("ignored");
    expect(await applyDeliveryReport(testDb.db, { provider: "simulator" }, { ...report, providerMessageId: "nope" }, "webhook:simulator")).toBe("unknown");

    expect(await timeline(messageId)).toEqual(["queued", "sending", "sent", "delivered"]);
    const [message] = await testDb.db.select().from(messages).where(eq(messages.id, messageId));
    expect(message.status).toBe("delivered");
    expect(message.deliveredAt).not.toBeNull();
  });

  it("resubmits an attempt whose answer was lost without a second SMS reaching the handset", async () => {
    const { messageId } = await queue("Kayıp yanıt denemesi");
    await claimMessage(testDb.db, messageId, "run-3");
    const simulator = createSimulatorProvider({ db: testDb.db });
    // The operator takes the message, then the process dies before the answer is recorded.
    const crashing: SmsProvider = {
      ...simulator,
      send: async (batch) => {
        await simulator.send(batch);
        throw new Error("process killed");
      },
    };
    await expect(handOverMessage(testDb.db, messageId, entries(crashing))).rejects.toThrow("process killed");
    const retried = await handOverMessage(testDb.db, messageId, entries(simulator));
    expect(retried.status).toBe("sent");
    const [message] = await testDb.db.select().from(messages).where(eq(messages.id, messageId));
    const inbox = await testDb.db.select().from(simulatorInbox).where(eq(simulatorInbox.clientRef, message.idempotencyKey));
    expect(inbox).toHaveLength(1);
    const attempts = await testDb.db.select().from(messageAttempts).where(eq(messageAttempts.messageId, messageId));
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([null, "accepted"]);
  });

  it("does not resend through a provider that cannot deduplicate when an earlier answer was lost", async () => {
    const { messageId } = await queue("Tekrar gönderilmemeli");
    await claimMessage(testDb.db, messageId, "run-4");
    let calls = 0;
    const nonIdempotent: SmsProvider = {
      id: "plain",
      capabilities: { maxBatch: 1, pushReports: false, idempotentSubmit: false },
      send: async (batch) => {
        calls++;
        if (calls === 1) throw new Error("timeout after the request went out");
        return batch.map((sms) => ({ messageId: sms.messageId, outcome: "accepted" as const, providerMessageId: "X" }));
      },
    };
    await expect(handOverMessage(testDb.db, messageId, entries(nonIdempotent))).rejects.toThrow();
    expect((await handOverMessage(testDb.db, messageId, entries(nonIdempotent))).status).toBe("failed");
    expect(calls).toBe(1);
    const [message] = await testDb.db.select().from(messages).where(eq(messages.id, messageId));
    expect(message).toMatchObject({ status: "failed", errorCode: "UNKNOWN_OUTCOME" });
  });

  it("keeps a report that arrives before the hand-over records the id, and applies it then", async () => {
    const { messageId } = await queue("Erken rapor");
    await claimMessage(testDb.db, messageId, "run-early");
    const early = { providerMessageId: "EARLY-1", status: "delivered" as const, raw: { early: true } };
    expect(await applyDeliveryReport(testDb.db, { provider: "fast", officeId: AKSARAY }, early, "webhook:fast")).toBe("parked");
    const fast: SmsProvider = {
      id: "fast",
      capabilities: { maxBatch: 1, pushReports: true, idempotentSubmit: true },
      send: async (batch) => batch.map((sms) => ({ messageId: sms.messageId, outcome: "accepted" as const, providerMessageId: "EARLY-1" })),
    };
    expect((await handOverMessage(testDb.db, messageId, entries(fast))).status).toBe("sent");
    expect(await timeline(messageId)).toEqual(["queued", "sending", "sent", "delivered"]);
    expect(await testDb.db.select().from(earlyReports)).toHaveLength(0);
  });

  it("marks a message failed when the provider rejects it", async () => {
    const { messageId } = await queue("Reddedilecek");
    await claimMessage(testDb.db, messageId, "run-5");
    const rejecting: SmsProvider = {
      id: "strict",
      capabilities: { maxBatch: 1, pushReports: false, idempotentSubmit: true },
      send: async (batch) => batch.map((sms) => ({ messageId: sms.messageId, outcome: "rejected" as const, code: "INVALID_DESTINATION_ADDRESS", text: "Geçersiz numara" })),
    };
    expect((await handOverMessage(testDb.db, messageId, entries(rejecting))).status).toBe("failed");
    expect(await timeline(messageId)).toEqual(["queued", "sending", "failed"]);
  });
});
