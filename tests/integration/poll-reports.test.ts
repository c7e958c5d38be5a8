import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { AKSARAY, seedWithClerk } from "../support/fixtures";
import { NetgsmFake } from "../fakes/netgsm-fake";
import { messageEvents, messages } from "@/lib/db/schema";
import { queueMessage } from "@/lib/messaging/queue-message";
import { claimMessage, handOverMessage } from "@/lib/messaging/hand-over";
import { createProviderSetting } from "@/lib/messaging/provider-settings";
import { expireOverdue, pollSetting, settingsWithPendingMessages } from "@/lib/messaging/poll-reports";
import { providersForOffice } from "@/lib/messaging/office-providers";

// Netgsm has no push reports: the panel asks its report endpoint for messages still "sent".
describe("polling delivery reports", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  const netgsm = new NetgsmFake({ msgheaders: ["AKSARAYICRA"], reportDelayMs: [5, 80], overlappingPages: true });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
    await netgsm.start();
    await createProviderSetting(testDb.db, {
      officeId: AKSARAY,
      kind: "netgsm",
      label: "Netgsm",
      credentials: { usercode: netgsm.usercode, password: netgsm.password, msgheader: "AKSARAYICRA" },
      settings: { baseUrl: netgsm.baseUrl, validForMinutes: 60 },
    });
  });
  afterAll(async () => {
    await netgsm.close();
    await testDb?.close();
  });

  it("brings every pending message to the state the provider reports, and a second poll changes nothing", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient: `+9054222233${String(i).padStart(2, "0")}`, body: `Netgsm ${i}`, auditAction: "test" });
      await claimMessage(testDb.db, messageId, `run-${i}`);
      await handOverMessage(testDb.db, messageId, await providersForOffice(testDb.db, AKSARAY));
      ids.push(messageId);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    const targets = await settingsWithPendingMessages(testDb.db);
    expect(targets).toHaveLength(1);
    const first = await pollSetting(testDb.db, targets[0]);
    expect(first).toMatchObject({ polled: 30, applied: 30, throttled: false });

    const rows = await testDb.db.select().from(messages).where(inArray(messages.id, ids));
    for (const row of rows) {
      const lastDigit = row.recipient.at(-1);
      expect(row.status, row.recipient).toBe(lastDigit === "0" ? "undelivered" : lastDigit === "9" ? "expired" : "delivered");
    }
    expect(await settingsWithPendingMessages(testDb.db)).toHaveLength(0);
    const before = (await testDb.db.select().from(messageEvents).where(inArray(messageEvents.messageId, ids))).length;
    await pollSetting(testDb.db, targets[0]);
    expect((await testDb.db.select().from(messageEvents).where(inArray(messageEvents.messageId, ids))).length).toBe(before);
  });

  it("expires a message whose validity passed without a final report, and only that one", async () => {
    const make = async (minutesAgo: number) => {
      const { messageId } = await queueMessage(testDb.db, { officeId: AKSARAY, userId: clerkId, recipient: "+905423334455", body: `Süre ${minutesAgo}`, auditAction: "test" });
      const [setting] = (await providersForOffice(testDb.db, AKSARAY)).map((entry) => entry.settingId);
      await testDb.db
        .update(messages)
        .set({ status: "sent", provider: "netgsm", providerSettingId: setting, providerMessageId: `old-${minutesAgo}`, sentAt: new Date(Date.now() - minutesAgo * 60_000) })
        .where(eq(messages.id, messageId));
      return messageId;
    };
    const old = await make(90);
    const recent = await make(30);
    expect(await expireOverdue(testDb.db)).toBe(1);
    const [oldRow] = await testDb.db.select().from(messages).where(eq(messages.id, old));
    const [recentRow] = await testDb.db.select().from(messages).where(eq(messages.id, recent));
    expect(oldRow.status).toBe("expired");
    expect(recentRow.status).toBe("sent");
  });
});
