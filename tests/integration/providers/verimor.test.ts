import { afterEach, describe, expect, it } from "vitest";
import { WebhookError } from "@/lib/sms/providers/errors";
import type { SmsProvider } from "@/lib/sms/providers/types";
import { createVerimorProvider } from "@/lib/sms/providers/verimor";
import { movableClock } from "@/tests/fakes/fates";
import { VerimorFake, type VerimorFakeOptions } from "@/tests/fakes/verimor-fake";
import { WebhookReceiver } from "@/tests/fakes/webhook-receiver";
import { chunks, expectedStatus, makeBatch, pollUntilFinal, silentLogger, StatusBook } from "./helpers";

let fake: VerimorFake;
let receiver: WebhookReceiver | undefined;

async function start(options: VerimorFakeOptions = {}) {
  fake = new VerimorFake({ reportDelayMs: [5, 80], ...options });
  await fake.start();
  return fake;
}

function provider(overrides: Partial<Parameters<typeof createVerimorProvider>[0]> = {}) {
  return createVerimorProvider({
    username: fake.username,
    password: fake.password,
    sourceAddr: "ICRA DAIRESI",
    baseUrl: fake.baseUrl,
    logger: silentLogger,
    ...overrides,
  });
}

/**
 * The app's webhook route in miniature: parse and apply; a report for a message the app does not
 * know yet (the push beat the send's answer) gets a non-200 so Verimor tries again later.
 */
async function receiveInto(book: StatusBook, verimor: SmsProvider, token = "s3cret") {
  receiver = new WebhookReceiver(async (request) => {
    try {
      const reports = await verimor.parseWebhook!(request, { token });
      book.apply(reports);
      return { status: reports.every((r) => book.status.has(r.providerMessageId)) ? 200 : 409 };
    } catch (error) {
      if (error instanceof WebhookError) return { status: error.status };
      throw error;
    }
  });
  return `${await receiver.start()}/api/webhooks/verimor?token=${token}`;
}

afterEach(async () => {
  await fake.close();
  await receiver?.close();
  receiver = undefined;
});

describe("Verimor: sending and reports", () => {
  it("1,000 messages in batches reach the fake's verdict by polling /v2/status page by page", async () => {
    await start();
    const verimor = provider({ maxBatch: 100 });
    const batch = makeBatch(1000);
    const outcomes = (await Promise.all(chunks(batch, 200).map((c) => verimor.send(c)))).flat();
    expect(outcomes.every((o) => o.outcome === "accepted")).toBe(true);
    expect(fake.messages).toHaveLength(1000);
    expect(fake.count("/send.json")).toBe(10);
    await fake.ledger.settled();
    const book = new StatusBook(outcomes);
    await pollUntilFinal(book, (ids) => verimor.fetchReports!({ providerMessageIds: ids }), () => {});
    for (const m of fake.messages) expect(book.status.get(`${m.campaignId}:${m.customId}`)).toBe(expectedStatus(m.fate));
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("1,000 messages reach the fake's verdict through pushed reports, duplicates and stale rows included", async () => {
    const book = new StatusBook([]);
    const verimor = createVerimorProvider({ username: "908501234567", password: "verimor-secret", sourceAddr: "ICRA DAIRESI", logger: silentLogger });
    const pushUrl = await receiveInto(book, verimor);
    await start({ pushUrl, reportDelayMs: [20, 120], pushRetryDelayMs: 100, duplicateEvery: 7, lateWaitingEvery: 5 });
    const sender = provider({ maxBatch: 200 });
    await Promise.all(
      chunks(makeBatch(1000), 200).map(async (c) => {
        for (const o of await sender.send(c)) if (o.outcome === "accepted") book.status.set(o.providerMessageId, "sent");
      }),
    );
    await fake.pushesDone();
    for (const m of fake.messages) expect(book.status.get(`${m.campaignId}:${m.customId}`)).toBe(expectedStatus(m.fate));
    expect([...book.transitions.values()].every((n) => n === 1)).toBe(true);
    expect(book.transitions.size).toBe(1000);
    expect(fake.pusher.attempts.filter((a) => a.status === 200).length).toBeGreaterThan(0);
  });

  it("picks datacoding from the text and sends our key as the message custom id", async () => {
    await start();
    const verimor = provider();
    const [plain, turkish, unicode] = [
      makeBatch(1, { body: "Odeme hatirlatmasi: Ö Ü Ç" }),
      makeBatch(1, { body: "Borç ödeme hatırlatması", start: 1 }),
      makeBatch(1, { body: "Bilgi “tırnak” ✓", start: 2 }),
    ];
    await verimor.send(plain);
    await verimor.send([{ ...turkish[0], validForMinutes: 120, sendAt: new Date(Date.now() + 3_600_000) }]);
    await verimor.send(unicode);
    const bodies = fake.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.datacoding)).toEqual(["0", "1", "2"]);
    expect(bodies[1]).toMatchObject({ valid_for: "02:00", custom_id: "key-m-1", messages: [{ dest: "905320000001", id: "key-m-1" }] });
    expect(bodies[1].send_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("the same text to the same number on the same day comes back DOUBLE_SEND_ERROR → failed", async () => {
    await start({ reportDelayMs: [1, 2] });
    const verimor = provider();
    await verimor.send(makeBatch(1, { start: 1 }));
    const [second] = await verimor.send(makeBatch(1, { start: 1, prefix: "again" }));
    await fake.ledger.settled();
    const id = (second as { providerMessageId: string }).providerMessageId;
    expect(await verimor.fetchReports!({ providerMessageIds: [id] })).toMatchObject([{ providerMessageId: id, status: "failed", providerStatus: "DOUBLE_SEND_ERROR" }]);
  });
  it("a send whose answer timed out is found afterwards by its custom_id (our idempotency key)", async () => {
    await start({ reportDelayMs: [1, 5] });
    fake.latencyMs = 300;
    const [sms] = makeBatch(1, { start: 4 });
    const [lost] = await provider({ timeoutMs: 100 }).send([sms]);
    expect(lost).toMatchObject({ outcome: "retryable", scope: "provider", reason: "timeout" });
    expect(fake.messages).toHaveLength(1);
    fake.latencyMs = 0;
    await fake.ledger.settled();
    const [found] = await provider().fetchReports!({ providerMessageIds: [], idempotencyKeys: [sms.idempotencyKey] });
    expect(found).toMatchObject({ providerMessageId: `${fake.messages[0].campaignId}:${sms.idempotencyKey}`, status: "delivered" });
  });
});

describe("Verimor: error answers", () => {
  it.each([
    ["INVALID_DESTINATION_ADDRESS", "rejected", "message", "invalid-recipient"],
    ["MISSING_DESTINATION_ADDRESS", "rejected", "message", "invalid-recipient"],
    ["MISSING_MESSAGE", "rejected", "message", "content"],
    ["MESSAGE_TOO_LONG", "rejected", "message", "content"],
    ["FORBIDDEN_MESSAGE", "rejected", "message", "content"],
    ["INVALID_PERIOD", "rejected", "message", "invalid-request"],
    ["INVALID_DELIVERY_TIME", "rejected", "message", "invalid-request"],
    ["INSUFFICIENT_CREDITS", "retryable", "provider", "credit"],
    ["INVALID_SOURCE_ADDRESS", "retryable", "provider", "config"],
    ["INVALID_DATACODING", "retryable", "provider", "invalid-request"],
    ["401", "retryable", "provider", "auth"],
    ["413", "rejected", "message", "invalid-request"],
    ["429", "retryable", "provider", "throttled"],
    ["500", "retryable", "provider", "server"],
  ])("%s → %s, %s scope (%s)", async (code, outcome, scope, reason) => {
    await start();
    fake.failNext(code);
    const [result] = await provider().send(makeBatch(1));
    expect(result).toMatchObject({ outcome, code, reason });
    if (result.outcome !== "accepted") expect(result.scope ?? "message").toBe(scope);
    expect(fake.messages).toHaveLength(0);
  });

  it("real causes: a malformed number fails alone in its batch, credits run out, a forbidden word is refused", async () => {
    await start({ credits: 6 });
    const verimor = provider();
    const batch = makeBatch(5);
    batch[2] = { ...batch[2], to: "+90532" };
    const outcomes = await verimor.send(batch);
    expect(outcomes.map((o) => o.outcome)).toEqual(["accepted", "accepted", "rejected", "accepted", "accepted"]);
    expect(outcomes[2]).toMatchObject({ code: "INVALID_DESTINATION_ADDRESS", scope: "message" });
    const [forbidden] = await verimor.send(makeBatch(1, { body: "Bu YASAKLI bir metin", start: 7 }));
    expect(forbidden).toMatchObject({ outcome: "rejected", code: "FORBIDDEN_MESSAGE" });
    const broke = await verimor.send(makeBatch(3, { start: 10 }));
    expect(broke.map((o) => o.outcome)).toEqual(["retryable", "retryable", "retryable"]);
    expect(broke[0]).toMatchObject({ scope: "provider", reason: "credit" });
    expect(fake.messages).toHaveLength(4);
  });

  it("the 151st request of a minute is refused: by our own budget first, by Verimor (429) without it", async () => {
    await start();
    const careful = provider();
    for (let i = 0; i < 150; i++) await careful.send(makeBatch(1, { start: i }));
    const [local] = await careful.send(makeBatch(1, { start: 150 }));
    expect(local).toMatchObject({ outcome: "retryable", scope: "provider", reason: "throttled", code: "RATE" });
    expect(fake.count("/send.json")).toBe(150);
    const [remote] = await provider({ requestsPerMinute: 1_000 }).send(makeBatch(1, { start: 151 }));
    expect(remote).toMatchObject({ outcome: "retryable", scope: "provider", reason: "throttled", code: "429", retryAfterMs: 60_000 });
  });

  it("our budget frees up when the minute has passed", async () => {
    await start();
    const clock = movableClock();
    const verimor = provider({ requestsPerMinute: 2, now: clock.now });
    await verimor.send(makeBatch(1));
    await verimor.send(makeBatch(1, { start: 1 }));
    expect((await verimor.send(makeBatch(1, { start: 5 })))[0].outcome).toBe("retryable");
    clock.advance(60_000);
    expect((await verimor.send(makeBatch(1, { start: 6 })))[0].outcome).toBe("accepted");
  });
});

describe("Verimor: pushed reports", () => {
  it("a push without the right token is refused with 401 and Verimor tries 3 more times", async () => {
    const book = new StatusBook([]);
    const verimor = createVerimorProvider({ username: "u", password: "p", sourceAddr: "ICRA DAIRESI", logger: silentLogger });
    const url = await receiveInto(book, verimor, "expected");
    await start({ pushUrl: url.replace("token=expected", "token=wrong"), pushRetryDelayMs: 10 });
    await provider().send(makeBatch(1));
    await fake.pushesDone();
    expect(fake.pusher.attempts.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(book.transitions.size).toBe(0);
  });

  it("ignores inbound SMS on the same URL and refuses a body that is not an array", async () => {
    await start();
    const verimor = provider();
    const inbound = new Request("http://x/hook", { method: "POST", body: JSON.stringify([{ type: "inbound", message_id: 1, content: "merhaba" }]) });
    expect(await verimor.parseWebhook!(inbound)).toEqual([]);
    const broken = new Request("http://x/hook", { method: "POST", body: "{not json" });
    await expect(verimor.parseWebhook!(broken)).rejects.toMatchObject({ status: 400 });
  });

  it("Bağlantıyı sına lists the headers and names a header the account lacks", async () => {
    await start();
    expect(await provider().testConnection!()).toEqual({ ok: true, senders: ["ICRA DAIRESI"] });
    expect(await provider({ sourceAddr: "BASKA" }).testConnection!()).toMatchObject({ ok: false, reason: "config" });
    expect(await provider({ password: "x" }).testConnection!()).toMatchObject({ ok: false, reason: "auth", code: "401" });
  });
});
