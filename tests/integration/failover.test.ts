import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { AKSARAY, seedWithClerk } from "../support/fixtures";
import { NetgsmFake } from "../fakes/netgsm-fake";
import { VerimorFake } from "../fakes/verimor-fake";
import { messageAttempts, messages, officeProviders } from "@/lib/db/schema";
import { queueMessage } from "@/lib/messaging/queue-message";
import { claimMessage, handOverMessage, RetryableSendError } from "@/lib/messaging/hand-over";
import { createProviderSetting } from "@/lib/messaging/provider-settings";
import { providersForOffice } from "@/lib/messaging/office-providers";

// Two configured providers for one office, each a protocol-faithful fake: Netgsm first, Verimor second.
describe("failover between an office's providers", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  const netgsm = new NetgsmFake({ msgheaders: ["AKSARAYICRA"] });
  const verimor = new VerimorFake({ headers: ["AKSARAYICRA"] });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
    await netgsm.start();
    await verimor.start();
    await createProviderSetting(testDb.db, {
      officeId: AKSARAY,
      kind: "netgsm",
      label: "Netgsm",
      credentials: { usercode: netgsm.usercode, password: netgsm.password, msgheader: "AKSARAYICRA" },
      settings: { baseUrl: netgsm.baseUrl, timeoutMs: 400 },
    });
    await createProviderSetting(testDb.db, {
      officeId: AKSARAY,
      kind: "verimor",
      label: "Verimor",
      credentials: { username: verimor.username, password: verimor.password, sourceAddr: "AKSARAYICRA" },
      settings: { baseUrl: verimor.baseUrl },
    });
  });
  afterAll(async () => {
    await netgsm.close();
    await verimor.close();
    await testDb?.close();
  });
  beforeEach(() => {
    netgsm.outage = null;
  });

  async function sendBatch(count: number, prefix: string) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const recipient = `+90532${String(1_000_000 + ids.length + prefix.length * 1000).padStart(7, "0")}`;
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient, body: `${prefix} ${i}`, auditAction: "test" });
      await claimMessage(testDb.db, messageId, `run-${messageId}`);
      // A repeated hand-over (a retried step) must not send again.
      for (let repeat = 0; repeat < 2; repeat++) await handOverMessage(testDb.db, messageId, await providersForOffice(testDb.db, AKSARAY));
      ids.push(messageId);
    }
    return ids;
  }

  const sentTexts = (fake: { messages: { msg?: string; text?: string }[] }) => fake.messages.map((m) => m.msg ?? m.text ?? "");

  it.each([
    ["answers 503", () => (netgsm.outage = { status: 503 })],
    ["does not answer (timeout)", () => (netgsm.outage = "hang")],
  ])("when the first provider %s, every message goes out through the second, exactly once", async (_case, breakFirst) => {
    breakFirst();
    const prefix = `Yedek sağlayıcı ${_case}`;
    const ids = await sendBatch(10, prefix);
    const rows = await testDb.db.select().from(messages).where(eq(messages.officeId, AKSARAY));
    const ours = rows.filter((row) => ids.includes(row.id));
    expect(ours.every((row) => row.status === "sent" && row.provider === "verimor")).toBe(true);
    expect(sentTexts(netgsm).filter((text) => text.startsWith(prefix))).toHaveLength(0);
    const viaVerimor = verimor.messages.filter((m) => (m as unknown as { msg: string }).msg.startsWith(prefix));
    expect(viaVerimor).toHaveLength(10);
    expect(new Set(viaVerimor.map((m) => (m as unknown as { msg: string }).msg)).size).toBe(10);
    const attempts = await testDb.db.select().from(messageAttempts).where(eq(messageAttempts.messageId, ids[0]));
    expect(attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ["netgsm", "retryable"],
      ["verimor", "accepted"],
    ]);
  });

  it("uses the first provider while it works", async () => {
    const ids = await sendBatch(3, "Birinci sağlayıcı");
    const rows = await testDb.db.select({ provider: messages.provider }).from(messages).where(eq(messages.id, ids[0]));
    expect(rows[0].provider).toBe("netgsm");
    expect(sentTexts(netgsm).filter((text) => text.startsWith("Birinci sağlayıcı"))).toHaveLength(3);
  });

  it("does not fail over when the message itself is refused", async () => {
    netgsm.failNext("20");
    const before = verimor.messages.length;
    const [id] = await sendBatch(1, "Reddedilen metin");
    const [row] = await testDb.db.select().from(messages).where(eq(messages.id, id));
    expect(row).toMatchObject({ status: "failed", provider: "netgsm", errorCode: "20" });
    expect(verimor.messages.length).toBe(before);
  });

  it("asks for a later retry when every provider is down", async () => {
    netgsm.outage = { status: 500 };
    verimor.outage = { status: 502 };
    try {
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient: "+905329998877", body: "Hepsi kapalı", auditAction: "test" });
      await claimMessage(testDb.db, messageId, "run-down");
      await expect(handOverMessage(testDb.db, messageId, await providersForOffice(testDb.db, AKSARAY))).rejects.toBeInstanceOf(RetryableSendError);
      const [row] = await testDb.db.select().from(messages).where(eq(messages.id, messageId));
      expect(row.status).toBe("sending");
    } finally {
      verimor.outage = null;
    }
  });

  it("never stores credentials in the clear", async () => {
    const rows = await testDb.db.select({ credentials: officeProviders.credentials }).from(officeProviders);
    for (const row of rows) expect(row.credentials).not.toContain(netgsm.password);
  });
});
