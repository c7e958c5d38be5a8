import { afterEach, describe, expect, it } from "vitest";
import { createSmppProvider, type SmppConfig, type SmppProvider } from "@/lib/sms/providers/smpp";
import type { DeliveryReport } from "@/lib/sms/providers/types";
import { SmscFake, type SmscFakeOptions } from "@/tests/fakes/smsc-fake";
import { chunks, expectedStatus, makeBatch, silentLogger, StatusBook } from "./helpers";

let fake: SmscFake;
let adapter: SmppProvider | undefined;
const reports: DeliveryReport[] = [];

async function start(options: SmscFakeOptions = {}) {
  fake = new SmscFake({ reportDelayMs: [5, 60], ...options });
  await fake.start();
}

function provider(overrides: Partial<SmppConfig> = {}) {
  adapter = createSmppProvider({
    host: "127.0.0.1",
    port: fake.port,
    systemId: fake.systemId,
    password: fake.password,
    sourceAddr: "ICRA DAIRESI",
    onReport: (report) => reports.push(report),
    throttle: { initialMs: 10, retries: 4 },
    responseTimeoutMs: 2_000,
    logger: silentLogger,
    ...overrides,
  });
  return adapter;
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  await adapter?.close();
  adapter = undefined;
  await fake.close();
  reports.length = 0;
});

describe("SMPP: bytes on the wire", () => {
  it("a Turkish text with ş, ğ, İ goes as GSM-7 (data_coding 0) with the locking-shift UDH and decodes back", async () => {
    await start();
    const text = "Şeyma Ağaoğlu, İcra dosyanız hakkında ödeme günü yarın.";
    const [outcome] = await provider().send(makeBatch(1, { body: text }));
    expect(outcome).toMatchObject({ outcome: "accepted", segments: 1 });
    const [submit] = fake.submits;
    expect(submit).toMatchObject({ dataCoding: 0, esmClass: 0x40, registeredDelivery: 1, destinationAddr: "905320000000", sourceAddr: "ICRA DAIRESI" });
    expect(submit.shortMessage.subarray(0, 4).toString("hex")).toBe("03250101");
    // Ş e y m a: Ş is 0x1C in the Turkish locking table; one unpacked septet per octet.
    expect([...submit.shortMessage.subarray(4, 9)]).toEqual([0x1c, 0x65, 0x79, 0x6d, 0x61]);
    expect(fake.messages[0].text).toBe(text);
  });

  it("a text that also needs a character the locking table drops uses the single shift (03 24 01 01, ESC + code)", async () => {
    await start();
    const text = "Øresund şubesi";
    await provider().send(makeBatch(1, { body: text }));
    const [submit] = fake.submits;
    expect(submit.shortMessage.subarray(0, 4).toString("hex")).toBe("03240101");
    expect([...submit.shortMessage.subarray(12, 14)]).toEqual([0x1b, 0x73]);
    expect(fake.messages[0].text).toBe(text);
  });

  it.each([
    ["plain GSM", "Sayın borçlu, 2024/1234 sayılı dosya hakkında bilgilendirme. ".replace(/ı/g, "i").repeat(7).slice(0, 400), 0, 3, ""],
    ["Turkish", "Sayın borçlu, 2024/1234 sayılı dosyanız için ödeme çağrısı. ".repeat(7).slice(0, 400), 0, 3, "250101"],
    ["UCS-2", "Bilgi: “ödeme” ✓ ".repeat(25).slice(0, 400), 8, 6, ""],
  ])("a 400-character %s text goes in concatenated parts (00 03 ref total seq) and reassembles to the original", async (_, text, dataCoding, parts, shift) => {
    await start();
    expect(text).toHaveLength(400);
    const [outcome] = await provider().send(makeBatch(1, { body: text }));
    expect(outcome).toMatchObject({ outcome: "accepted", segments: parts });
    expect(fake.submits).toHaveLength(parts);
    const ref = fake.submits[0].decoded.concat!.ref;
    fake.submits.forEach((submit, i) => {
      expect(submit).toMatchObject({ dataCoding, esmClass: 0x40 });
      expect(submit.shortMessage.subarray(1, 6).toString("hex")).toBe(`0003${hex(ref)}${hex(parts)}${hex(i + 1)}`);
      if (shift) expect(submit.decoded.udh.toString("hex")).toContain(shift);
      expect(submit.shortMessage.length).toBeLessThanOrEqual(dataCoding === 8 ? 140 : 160);
    });
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0].text).toBe(text);
  });

  it("a long message gets one report, when every part has its receipt", async () => {
    await start({ reportDelayMs: [5, 40] });
    const [outcome] = await provider().send(makeBatch(1, { body: "x".repeat(400), start: 1 }));
    await until(() => reports.length === 1);
    await fake.ledger.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ providerMessageId: (outcome as { providerMessageId: string }).providerMessageId, status: "delivered" });
    expect(fake.receiptsSent).toBe(3);
  });
});

describe("SMPP: traffic and receipts", () => {
  it("1,000 messages reach the fake's verdict through deliver_sm receipts, duplicated and stale ones included", async () => {
    await start({ duplicateEvery: 7, lateAcceptedEvery: 5 });
    const smpp = provider({ window: 20 });
    const outcomes = (await Promise.all(chunks(makeBatch(1000), 100).map((c) => smpp.send(c)))).flat();
    expect(outcomes.every((o) => o.outcome === "accepted")).toBe(true);
    expect(fake.messages).toHaveLength(1000);
    const book = new StatusBook(outcomes);
    await fake.ledger.settled();
    await until(() => {
      book.apply(reports.splice(0));
      return book.pending().length === 0;
    });
    const byDestination = new Map(fake.messages.map((m) => [m.destination, m.fate]));
    for (const [i, o] of outcomes.entries()) {
      const fate = byDestination.get(`90532${String(i).padStart(7, "0")}`)!;
      expect(book.status.get((o as { providerMessageId: string }).providerMessageId)).toBe(expectedStatus(fate));
    }
    expect([...book.transitions.values()].every((n) => n === 1)).toBe(true);
  });

  it("a throttled submit is retried after a back-off and goes out once", async () => {
    await start();
    fake.throttleNext(2);
    fake.throttleNext(1, 0x14);
    const [outcome] = await provider().send(makeBatch(1));
    expect(outcome.outcome).toBe("accepted");
    expect(fake.submits).toHaveLength(1);
  });

  it("throttling that does not stop ends as a provider-scope retry with a wait", async () => {
    await start();
    fake.throttleNext(10);
    const [outcome] = await provider({ throttle: { initialMs: 5, retries: 2 } }).send(makeBatch(1));
    expect(outcome).toMatchObject({ outcome: "retryable", scope: "provider", reason: "throttled", code: "ESME_RTHROTTLED" });
    expect((outcome as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(fake.submits).toHaveLength(0);
  });

  it.each([
    [0x0b, "ESME_RINVDSTADR", "rejected", "message", "invalid-recipient"],
    [0x01, "ESME_RINVMSGLEN", "rejected", "message", "content"],
    [0x66, "ESME_RX_R_APPN", "rejected", "message", "content"],
    [0x64, "ESME_RX_T_APPN", "retryable", "message", "throttled"],
    [0x0a, "ESME_RINVSRCADR", "retryable", "provider", "config"],
    [0x08, "ESME_RSYSERR", "retryable", "provider", "server"],
    [0x45, "ESME_RSUBMITFAIL", "retryable", "provider", "server"],
  ])("submit_sm_resp status %i → %s: %s, %s scope (%s)", async (status, code, outcome, scope, reason) => {
    await start();
    fake.failNext(status);
    const [result] = await provider().send(makeBatch(1));
    expect(result).toMatchObject({ outcome, code, reason });
    if (result.outcome !== "accepted") expect(result.scope ?? "message").toBe(scope);
  });

  it("a destination the SMSC cannot parse is ESME_RINVDSTADR for that message only", async () => {
    await start();
    const batch = makeBatch(3);
    batch[1] = { ...batch[1], to: "+90532" };
    expect((await provider().send(batch)).map((o) => o.outcome)).toEqual(["accepted", "rejected", "accepted"]);
  });
});

describe("SMPP: the link", () => {
  it("a refused bind is a provider-scope auth failure for every message; Bağlantıyı sına says so", async () => {
    await start();
    const outcomes = await provider({ password: "wrong" }).send(makeBatch(3));
    expect(outcomes.every((o) => o.outcome === "retryable" && o.scope === "provider" && o.reason === "auth" && o.code === "ESME_RINVPASWD")).toBe(true);
    expect(await provider({ systemId: "nobody" }).testConnection!()).toMatchObject({ ok: false, reason: "auth", code: "ESME_RBINDFAIL" });
    expect(await provider().testConnection!()).toMatchObject({ ok: true });
  });

  it("keeps the link alive with enquire_link and binds again after the SMSC drops it", async () => {
    await start({ reportDelayMs: [300, 300] });
    const smpp = provider({ enquireLinkMs: 40, reconnect: { initialMs: 30, maxMs: 200 } });
    const [outcome] = await smpp.send(makeBatch(1, { start: 1 }));
    await until(() => fake.enquireLinks >= 2);
    fake.dropConnections();
    await until(() => fake.binds === 2 && smpp.bound);
    // The receipt for a message sent before the drop arrives on the new link.
    await until(() => reports.length === 1);
    expect(reports[0]).toMatchObject({ providerMessageId: (outcome as { providerMessageId: string }).providerMessageId, status: "delivered" });
    expect((await smpp.send(makeBatch(1, { start: 2 })))[0].outcome).toBe("accepted");
  });
});

function hex(n: number) {
  return n.toString(16).padStart(2, "0");
}
