import { afterEach, describe, expect, it } from "vitest";
import { WebhookError } from "@/lib/sms/providers/errors";
import { createTwilioProvider } from "@/lib/sms/providers/twilio";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { TwilioFake, twilioSignature, type TwilioFakeOptions } from "@/tests/fakes/twilio-fake";
import { WebhookReceiver } from "@/tests/fakes/webhook-receiver";
import { makeBatch, pollUntilFinal, silentLogger, StatusBook } from "./helpers";

let fake: TwilioFake;
let receiver: WebhookReceiver | undefined;

async function start(options: TwilioFakeOptions = {}) {
  fake = new TwilioFake({ reportDelayMs: [5, 80], ...options });
  await fake.start();
}

function provider(overrides: Partial<Parameters<typeof createTwilioProvider>[0]> = {}) {
  return createTwilioProvider({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: "ICRA DAIRESI",
    baseUrl: fake.baseUrl,
    logger: silentLogger,
    ...overrides,
  });
}

afterEach(async () => {
  await fake.close();
  await receiver?.close();
  receiver = undefined;
});

const twilioVerdict = (fate: string) => (fate === "delivered" ? "delivered" : fate === "blacklisted" ? "failed" : "undelivered");

describe("Twilio: sending and status", () => {
  it("1,000 messages reach the fake's verdict through signed StatusCallbacks, duplicates and late ones included", async () => {
    const inbox: DeliveryReport[] = [];
    let refused = 0;
    // Twilio does not retry callbacks, so the stand-in route keeps every parsed report in arrival
    // order, and they are applied after the sends, as a route storing early reports would.
    receiver = new WebhookReceiver(async (request) => {
      try {
        inbox.push(...(await adapter.parseWebhook!(request, { url: callbackUrl })));
        return { status: 200 };
      } catch (error) {
        if (error instanceof WebhookError) return { status: ++refused && error.status };
        throw error;
      }
    });
    const callbackUrl = `${await receiver.start()}/api/webhooks/twilio?office=1`;
    await start({ reportDelayMs: [20, 150], duplicateEvery: 9, lateSentEvery: 4 });
    const adapter = provider({ statusCallbackUrl: callbackUrl, concurrency: 8 });
    const outcomes = await adapter.send(makeBatch(1000));
    expect(outcomes.every((o) => o.outcome === "accepted")).toBe(true);
    expect(fake.messages).toHaveLength(1000);
    await fake.callbacksDone();
    const book = new StatusBook(outcomes);
    book.apply(inbox);
    expect(refused).toBe(0);
    expect(inbox.length).toBeGreaterThan(2000);
    for (const m of fake.messages) expect(book.status.get(m.id)).toBe(twilioVerdict(m.fate));
    expect([...book.transitions.values()].every((n) => n === 1)).toBe(true);
  });

  it("polling a message resource gives the same verdict", async () => {
    await start({ reportDelayMs: [1, 10] });
    const adapter = provider();
    const outcomes = await adapter.send(makeBatch(40));
    await fake.ledger.settled();
    const book = new StatusBook(outcomes);
    await pollUntilFinal(book, (ids) => adapter.fetchReports!({ providerMessageIds: ids }), () => {});
    for (const m of fake.messages) expect(book.status.get(m.id)).toBe(twilioVerdict(m.fate));
  });

  it("posts form-urlencoded To, From, Body, StatusCallback and ValidityPeriod; Turkish text counts as UCS-2 segments", async () => {
    await start();
    const [sms] = makeBatch(1, { body: "Borç ödeme hatırlatması" });
    const [outcome] = await provider({ statusCallbackUrl: "https://panel.example/api/webhooks/twilio" }).send([{ ...sms, validForMinutes: 90 }]);
    const form = new URLSearchParams(fake.requests[0].body);
    expect(fake.requests[0].headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(form)).toMatchObject({
      To: "+905320000000",
      From: "ICRA DAIRESI",
      Body: "Borç ödeme hatırlatması",
      StatusCallback: "https://panel.example/api/webhooks/twilio",
      ValidityPeriod: "5400",
    });
    expect(outcome).toMatchObject({ outcome: "accepted", segments: 1 });
  });
});

describe("Twilio: error codes", () => {
  it.each([
    ["21211", "rejected", "message", "invalid-recipient"],
    ["21614", "rejected", "message", "invalid-recipient"],
    ["21610", "rejected", "message", "blacklisted"],
    ["21602", "rejected", "message", "content"],
    ["21617", "rejected", "message", "content"],
    ["21606", "retryable", "provider", "config"],
    ["20003", "retryable", "provider", "auth"],
    ["20429", "retryable", "provider", "throttled"],
    ["20500", "retryable", "provider", "server"],
    ["20503", "retryable", "provider", "server"],
  ])("%s → %s, %s scope (%s)", async (code, outcome, scope, reason) => {
    await start();
    fake.failNext(code);
    const [result] = await provider().send(makeBatch(1));
    expect(result).toMatchObject({ outcome, code, reason });
    if (result.outcome !== "accepted") expect(result.scope ?? "message").toBe(scope);
  });

  it("real causes: a wrong token is 20003, a landline 21614, a malformed number 21211, an unknown sender 21606", async () => {
    await start();
    expect((await provider({ authToken: "wrong" }).send(makeBatch(1)))[0]).toMatchObject({ code: "20003", reason: "auth", scope: "provider" });
    const batch = makeBatch(3);
    batch[0] = { ...batch[0], to: "+902121234567" };
    batch[1] = { ...batch[1], to: "0532" };
    expect((await provider().send(batch)).map((o) => (o.outcome === "accepted" ? "ok" : o.code))).toEqual(["21614", "21211", "ok"]);
    expect((await provider({ from: "BASKA" }).send(makeBatch(1)))[0]).toMatchObject({ code: "21606", scope: "provider" });
    expect(fake.messages).toHaveLength(1);
  });

  it("a timeout is a provider-scope retry", async () => {
    await start();
    fake.latencyMs = 300;
    expect((await provider({ timeoutMs: 100 }).send(makeBatch(1)))[0]).toMatchObject({ outcome: "retryable", scope: "provider", reason: "timeout" });
  });
});

describe("Twilio: StatusCallback signatures", () => {
  const url = "https://panel.example/api/webhooks/twilio?office=1";
  const params = { AccountSid: "AC1", MessageSid: "SM0123", MessageStatus: "delivered", To: "+905320000001", From: "ICRA DAIRESI" };

  function callback(body: Record<string, string>, signature: string) {
    return new Request("http://10.0.0.5:3000/api/webhooks/twilio?office=1", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
      body: new URLSearchParams(body).toString(),
    });
  }

  it("accepts a correctly signed callback, checked against the public URL", async () => {
    await start();
    const adapter = provider();
    const reports = await adapter.parseWebhook!(callback(params, twilioSignature(fake.authToken, url, params)), { url });
    expect(reports).toMatchObject([{ providerMessageId: "SM0123", status: "delivered", providerStatus: "delivered" }]);
  });

  it("rejects a tampered body, a wrong URL, a missing signature and another account's token", async () => {
    await start();
    const adapter = provider();
    const signature = twilioSignature(fake.authToken, url, params);
    const tampered = { ...params, MessageStatus: "undelivered" };
    await expect(adapter.parseWebhook!(callback(tampered, signature), { url })).rejects.toMatchObject({ status: 401 });
    await expect(adapter.parseWebhook!(callback(params, signature), { url: url.replace("office=1", "office=2") })).rejects.toMatchObject({ status: 401 });
    await expect(adapter.parseWebhook!(callback(params, ""), { url })).rejects.toMatchObject({ status: 401 });
    await expect(provider({ authToken: "other" }).parseWebhook!(callback(params, signature), { url })).rejects.toBeInstanceOf(WebhookError);
  });

  it("Bağlantıyı sına fetches the account", async () => {
    await start();
    expect(await provider().testConnection!()).toMatchObject({ ok: true, detail: "İcra SMS test" });
    expect(await provider({ authToken: "x" }).testConnection!()).toMatchObject({ ok: false, reason: "auth", code: "20003" });
  });
});
