import { afterEach, describe, expect, it } from "vitest";
import { WebhookError } from "@/lib/sms/providers/errors";
import { createIletimerkeziProvider } from "@/lib/sms/providers/iletimerkezi";
import type { SmsProvider } from "@/lib/sms/providers/types";
import { IletimerkeziFake, type IletimerkeziFakeOptions } from "@/tests/fakes/iletimerkezi-fake";
import { WebhookReceiver } from "@/tests/fakes/webhook-receiver";
import { chunks, expectedStatus, makeBatch, pollUntilFinal, silentLogger, StatusBook } from "./helpers";

let fake: IletimerkeziFake;
let receiver: WebhookReceiver | undefined;

async function start(options: IletimerkeziFakeOptions = {}) {
  fake = new IletimerkeziFake({ reportDelayMs: [5, 80], ...options });
  await fake.start();
}

function provider(overrides: Partial<Parameters<typeof createIletimerkeziProvider>[0]> = {}) {
  return createIletimerkeziProvider({
    apiKey: fake.apiKey,
    apiHash: fake.apiHash,
    sender: "ICRA DAIRESI",
    baseUrl: fake.baseUrl,
    logger: silentLogger,
    ...overrides,
  });
}

async function receiveInto(book: StatusBook, adapter: SmsProvider, token = "t0ken") {
  receiver = new WebhookReceiver(async (request) => {
    try {
      const reports = await adapter.parseWebhook!(request, { token });
      book.apply(reports);
      return { status: reports.every((r) => book.status.has(r.providerMessageId)) ? 200 : 409 };
    } catch (error) {
      if (error instanceof WebhookError) return { status: error.status };
      throw error;
    }
  });
  return `${await receiver.start()}/api/webhooks/iletimerkezi?token=${token}`;
}

afterEach(async () => {
  await fake.close();
  await receiver?.close();
  receiver = undefined;
});

const fates = (f: IletimerkeziFake["messages"][number]) => (f.fate === "delivered" ? "delivered" : "undelivered");

describe("İletimerkezi: sending and reports", () => {
  it("1,000 messages in orders reach the fake's verdict through get-report", async () => {
    await start();
    const adapter = provider();
    const outcomes = (await Promise.all(chunks(makeBatch(1000), 250).map((c) => adapter.send(c)))).flat();
    expect(outcomes.every((o) => o.outcome === "accepted")).toBe(true);
    expect(fake.messages).toHaveLength(1000);
    expect(fake.count("/send-sms/")).toBe(4);
    await fake.ledger.settled();
    const book = new StatusBook(outcomes);
    await pollUntilFinal(book, (ids) => adapter.fetchReports!({ providerMessageIds: ids }), () => {});
    for (const m of fake.messages) expect(book.status.get(m.id)).toBe(fates(m));
  });

  it("1,000 messages reach the fake's verdict through webhooks, duplicated and late ones included", async () => {
    const book = new StatusBook([]);
    const parser = createIletimerkeziProvider({ apiKey: "k", apiHash: "h", sender: "ICRA DAIRESI", logger: silentLogger });
    const pushUrl = await receiveInto(book, parser);
    await start({ pushUrl, reportDelayMs: [20, 120], pushRetryDelayMs: 100, duplicateEvery: 6, lateAcceptedEvery: 4 });
    const adapter = provider();
    await Promise.all(
      chunks(makeBatch(1000), 250).map(async (c) => {
        for (const o of await adapter.send(c)) if (o.outcome === "accepted") book.status.set(o.providerMessageId, "sent");
      }),
    );
    await fake.pushesDone();
    for (const m of fake.messages) expect(book.status.get(m.id)).toBe(fates(m));
    expect([...book.transitions.values()].every((n) => n === 1)).toBe(true);
    expect(book.transitions.size).toBe(1000);
    expect(expectedStatus("blacklisted")).toBe("failed");
  });

  it("sends one text to many as one message with the API's `receipents` spelling, different texts as an array", async () => {
    await start();
    await provider().send(makeBatch(3, { body: "Aynı metin" }));
    await provider().send(makeBatch(2, { start: 10 }));
    const [same, different] = fake.requests.map((r) => JSON.parse(r.body).request.order);
    expect(same).toMatchObject({ sender: "ICRA DAIRESI", iys: "0", message: { text: "Aynı metin", receipents: { number: ["5320000000", "5320000001", "5320000002"] } } });
    expect(different.message).toEqual([
      { text: "Dosya 2024/10 hakkında bilgilendirme.", receipents: { number: ["5320000010"] } },
      { text: "Dosya 2024/11 hakkında bilgilendirme.", receipents: { number: ["5320000011"] } },
    ]);
  });
});

describe("İletimerkezi: error codes", () => {
  it.each([
    ["400", "retryable", "provider", "invalid-request"],
    ["401", "retryable", "provider", "auth"],
    ["402", "retryable", "provider", "credit"],
    ["404", "retryable", "provider", "protocol"],
    ["450", "retryable", "provider", "config"],
    ["451", "rejected", "message", "duplicate"],
    ["452", "rejected", "message", "invalid-recipient"],
    ["453", "rejected", "message", "content"],
    ["454", "rejected", "message", "content"],
    ["457", "rejected", "message", "invalid-request"],
    ["503", "retryable", "provider", "server"],
  ])("send answered %s → %s, %s scope (%s)", async (code, outcome, scope, reason) => {
    await start();
    fake.failNext(code);
    const [result] = await provider().send(makeBatch(1));
    expect(result).toMatchObject({ outcome, code, reason });
    if (result.outcome !== "accepted") expect(result.scope ?? "message").toBe(scope);
    expect(fake.messages).toHaveLength(0);
  });

  it.each([
    ["455", "no report"],
    ["456", "no report"],
    ["401", "auth"],
    ["503", "server"],
  ])("get-report answered %s → %s", async (code, expected) => {
    await start();
    const adapter = provider();
    const [sent] = await adapter.send(makeBatch(1));
    fake.failNext(code, { endpoint: "report" });
    const result = await adapter.fetchReports!({ providerMessageIds: [(sent as { providerMessageId: string }).providerMessageId] }).catch((e) => e);
    if (expected === "no report") expect(result).toEqual([]);
    else expect(result).toMatchObject({ code, reason: expected, scope: "provider" });
  });

  it("real causes: wrong hash 401, the same order again 451, a bad number isolated 452, too long 453, unknown sender 450", async () => {
    await start();
    expect((await provider({ apiHash: "x" }).send(makeBatch(1)))[0]).toMatchObject({ outcome: "retryable", code: "401" });
    const adapter = provider();
    expect((await adapter.send(makeBatch(2)))[0].outcome).toBe("accepted");
    expect((await adapter.send(makeBatch(2, { prefix: "again" })))[0]).toMatchObject({ outcome: "rejected", code: "451" });
    const batch = makeBatch(4, { start: 20 });
    batch[1] = { ...batch[1], to: "+90212123456" };
    expect((await adapter.send(batch)).map((o) => o.outcome)).toEqual(["accepted", "rejected", "accepted", "accepted"]);
    expect((await adapter.send(makeBatch(1, { start: 30, body: "ş".repeat(1100) })))[0]).toMatchObject({ code: "453" });
    expect((await provider({ sender: "BASKA" }).send(makeBatch(1, { start: 40 })))[0]).toMatchObject({ code: "450", scope: "provider" });
  });

  it("a scheduled order is reported only after its time (456 until then)", async () => {
    await start();
    const adapter = provider();
    const [sms] = makeBatch(1);
    const [sent] = await adapter.send([{ ...sms, sendAt: new Date(Date.now() + 3_600_000) }]);
    expect(JSON.parse(fake.requests[0].body).request.order.sendDateTime).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(await adapter.fetchReports!({ providerMessageIds: [(sent as { providerMessageId: string }).providerMessageId] })).toEqual([]);
  });
});

describe("İletimerkezi: webhooks and connection test", () => {
  it("refuses a push without the token (401) and a body it cannot read (400)", async () => {
    await start();
    const adapter = provider();
    const body = JSON.stringify({ report: { id: "1", packet_id: "9", status: "delivered", to: "+905320000001", body: "x" } });
    await expect(adapter.parseWebhook!(new Request("http://app/hook?token=bad", { method: "POST", body }), { token: "good" })).rejects.toMatchObject({ status: 401 });
    await expect(adapter.parseWebhook!(new Request("http://app/hook", { method: "POST", body: "{}" }))).rejects.toMatchObject({ status: 400 });
    expect(await adapter.parseWebhook!(new Request("http://app/hook?token=good", { method: "POST", body }), { token: "good" })).toMatchObject([
      { providerMessageId: "9:5320000001", status: "delivered" },
    ]);
  });

  it("Bağlantıyı sına checks key and hash", async () => {
    await start();
    expect(await provider().testConnection!()).toMatchObject({ ok: true });
    expect(await provider({ apiKey: "x" }).testConnection!()).toMatchObject({ ok: false, reason: "auth", code: "401" });
  });
});
