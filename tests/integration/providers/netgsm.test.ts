import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/sms/providers/errors";
import { createNetgsmProvider } from "@/lib/sms/providers/netgsm";
import { movableClock } from "@/tests/fakes/fates";
import { NetgsmFake } from "@/tests/fakes/netgsm-fake";
import { chunks, expectedStatus, makeBatch, pollUntilFinal, silentLogger, StatusBook } from "./helpers";

let fake: NetgsmFake;
let clock: ReturnType<typeof movableClock>;

function provider(overrides: Partial<Parameters<typeof createNetgsmProvider>[0]> = {}) {
  return createNetgsmProvider({
    usercode: fake.usercode,
    password: fake.password,
    msgheader: "ICRA DAIRESI",
    baseUrl: fake.baseUrl,
    now: clock.now,
    logger: silentLogger,
    ...overrides,
  });
}

beforeEach(async () => {
  clock = movableClock();
  fake = new NetgsmFake({ now: clock.now, reportDelayMs: [5, 80] });
  await fake.start();
});
afterEach(() => fake.close());

describe("Netgsm: sending and polling", () => {
  it("1,000 messages in batches reach the state the fake decided, within the 10-queries-a-minute budget", async () => {
    const netgsm = provider();
    const batch = makeBatch(1000);
    const outcomes = (await Promise.all(chunks(batch, 100).map((c) => netgsm.send(c)))).flat();
    expect(outcomes.every((o) => o.outcome === "accepted")).toBe(true);
    expect(fake.messages).toHaveLength(1000);
    expect(fake.count("/send")).toBe(10);

    await fake.ledger.settled();
    const book = new StatusBook(outcomes);
    const { throttled } = await pollUntilFinal(book, (ids) => netgsm.fetchReports!({ providerMessageIds: ids }), clock.advance);

    for (const m of fake.messages) expect(book.status.get(m.id)).toBe(expectedStatus(m.fate));
    expect(new Set(fake.messages.map((m) => m.fate))).toEqual(new Set(["delivered", "undelivered", "expired"]));
    // 10 full pages + the empty 11th: one wait for the window, and Netgsm never had to say 80.
    expect(throttled).toBe(1);
    expect(fake.requests.filter((r) => r.url.pathname.endsWith("/report")).map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it("chooses encoding TR only for texts with Turkish letters and sends iysfilter 0 with national numbers", async () => {
    const netgsm = provider();
    await netgsm.send(makeBatch(1, { body: "Borç ödeme hatırlatması" }));
    await netgsm.send(makeBatch(1, { body: "Odeme hatirlatmasi: Ö Ü Ç ö ü", start: 5 }));
    const [tr, plain] = fake.requests.map((r) => JSON.parse(r.body));
    expect(tr).toMatchObject({ msgheader: "ICRA DAIRESI", encoding: "TR", iysfilter: "0", messages: [{ no: "5320000000" }] });
    expect(plain.encoding).toBeUndefined();
  });

  it("never puts one number twice in a job, so report rows stay unambiguous", async () => {
    const netgsm = provider();
    const batch = [...makeBatch(3), ...makeBatch(2, { prefix: "again" })];
    const outcomes = await netgsm.send(batch);
    expect(new Set(outcomes.map((o) => (o.outcome === "accepted" ? o.providerMessageId : o.outcome))).size).toBe(5);
    expect(fake.count("/send")).toBe(2);
  });

  it("a job scheduled for later can be cancelled, and its report then says it was not sent", async () => {
    const netgsm = provider();
    const [sms] = makeBatch(1, { start: 3 });
    const [outcome] = await netgsm.send([{ ...sms, sendAt: new Date(Date.now() + 3_600_000) }]);
    if (outcome.outcome !== "accepted") throw new Error("not accepted");
    expect(JSON.parse(fake.requests[0].body).startdate).toMatch(/^\d{12}$/);
    expect(await netgsm.cancel(outcome.providerMessageId)).toBe(true);
    expect(await netgsm.cancel(outcome.providerMessageId)).toBe(false);
    const [report] = await netgsm.fetchReports!({ providerMessageIds: [outcome.providerMessageId] });
    expect(report).toMatchObject({ status: "failed", providerStatus: "4" });
  });
});

describe("Netgsm: error codes", () => {
  it.each([
    ["20", "rejected", "message", "content"],
    ["30", "retryable", "provider", "auth"],
    ["40", "retryable", "provider", "config"],
    ["50", "retryable", "provider", "config"],
    ["51", "retryable", "provider", "config"],
    ["70", "retryable", "provider", "invalid-request"],
    ["80", "retryable", "provider", "throttled"],
    ["85", "retryable", "message", "throttled"],
    ["100", "retryable", "provider", "server"],
    ["101", "retryable", "provider", "server"],
  ])("send answered %s → %s, %s scope (%s)", async (code, outcome, scope, reason) => {
    fake.failNext(code);
    const [result] = await provider().send(makeBatch(1));
    expect(result).toMatchObject({ outcome, code, reason });
    if (result.outcome !== "accepted") expect(result.scope ?? "message").toBe(scope);
    if (code === "80" || code === "85") expect(result).toMatchObject({ retryAfterMs: 60_000 });
    expect(fake.messages).toHaveLength(0);
  });

  it.each([
    ["30", "auth"],
    ["70", "invalid-request"],
    ["80", "throttled"],
    ["100", "server"],
    ["110", "server"],
  ])("report answered %s → ProviderError %s", async (code, reason) => {
    const netgsm = provider();
    const [sent] = await netgsm.send(makeBatch(1));
    fake.failNext(code, { endpoint: "report" });
    const error = await netgsm.fetchReports!({ providerMessageIds: [(sent as { providerMessageId: string }).providerMessageId] }).catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, reason, scope: "provider" });
  });

  it("the real causes produce the same codes: wrong password 30, unknown header 40, empty text 20, İYS without brand 51", async () => {
    const [auth] = await provider({ password: "wrong" }).send(makeBatch(1));
    expect(auth).toMatchObject({ outcome: "retryable", scope: "provider", reason: "auth", code: "30" });
    const [header] = await provider({ msgheader: "BASKA" }).send(makeBatch(1));
    expect(header).toMatchObject({ outcome: "retryable", scope: "provider", reason: "config", code: "40" });
    const [empty] = await provider().send(makeBatch(1, { body: "" }));
    expect(empty).toMatchObject({ outcome: "rejected", scope: "message", code: "20" });
    const [iys] = await provider({ iysfilter: "11" }).send(makeBatch(1));
    expect(iys).toMatchObject({ outcome: "retryable", code: "51" });
  });

  it("a 21st job to one number within a minute is 85 for that number only", async () => {
    const netgsm = provider();
    for (let i = 0; i < 20; i++) expect((await netgsm.send(makeBatch(1, { prefix: `r${i}` })))[0].outcome).toBe("accepted");
    const outcomes = await netgsm.send([...makeBatch(1, { prefix: "r20" }), ...makeBatch(2, { start: 1 })]);
    expect(outcomes.map((o) => o.outcome)).toEqual(["retryable", "accepted", "accepted"]);
    expect(outcomes[0]).toMatchObject({ scope: "message", code: "85" });
  });

  it("one bad text in a batch fails alone: the rest are sent", async () => {
    const batch = makeBatch(6, { body: (i) => (i === 3 ? "x".repeat(1100) : `Mesaj ${i}`) });
    const outcomes = await provider().send(batch);
    expect(outcomes.map((o) => o.outcome)).toEqual(["accepted", "accepted", "accepted", "rejected", "accepted", "accepted"]);
    expect(fake.messages).toHaveLength(5);
  });

  it("bad credentials stop the batch after the first request instead of repeating it", async () => {
    const outcomes = await provider({ password: "wrong", maxBatch: 10 }).send(makeBatch(50));
    expect(outcomes.every((o) => o.outcome === "retryable" && o.reason === "auth")).toBe(true);
    expect(fake.count("/send")).toBe(1);
  });

  it("a silent provider is a provider-scope timeout", async () => {
    fake.latencyMs = 300;
    const [result] = await provider({ timeoutMs: 100 }).send(makeBatch(1));
    expect(result).toMatchObject({ outcome: "retryable", scope: "provider", reason: "timeout" });
  });
});

describe("Netgsm: reports", () => {
  it("rows repeated across overlapping pages and both date forms give one report per message", async () => {
    await fake.close();
    fake = new NetgsmFake({ now: clock.now, reportDelayMs: [1, 5], overlappingPages: true });
    await fake.start();
    const netgsm = provider({ reportQueriesPerMinute: 100 });
    const outcomes = await netgsm.send(makeBatch(250));
    await fake.ledger.settled();
    const reports = await netgsm.fetchReports!({ providerMessageIds: outcomes.map((o) => (o as { providerMessageId: string }).providerMessageId) });
    expect(reports).toHaveLength(250);
    const delivered = reports.filter((r) => r.status === "delivered");
    expect(delivered.every((r) => r.at instanceof Date && Math.abs(r.at.getTime() - Date.now()) < 60_000)).toBe(true);
  });

  it("a duplicated or late report makes no second transition", async () => {
    const netgsm = provider();
    const outcomes = await netgsm.send(makeBatch(20));
    await fake.ledger.settled();
    const ids = outcomes.map((o) => (o as { providerMessageId: string }).providerMessageId);
    const book = new StatusBook(outcomes);
    const first = await netgsm.fetchReports!({ providerMessageIds: ids });
    book.apply(first);
    expect(book.apply(await netgsm.fetchReports!({ providerMessageIds: ids }))).toBe(0);
    expect(book.apply(first.map((r) => ({ ...r, status: "sent" as const })))).toBe(0);
    expect([...book.transitions.values()].every((n) => n === 1)).toBe(true);
  });

  it("the local budget refuses the 11th query of a minute before Netgsm has to", async () => {
    const netgsm = provider();
    const [sent] = await netgsm.send(makeBatch(1));
    const ids = [(sent as { providerMessageId: string }).providerMessageId];
    for (let i = 0; i < 10; i++) await netgsm.fetchReports!({ providerMessageIds: ids });
    const error = await netgsm.fetchReports!({ providerMessageIds: ids }).catch((e) => e);
    expect(error).toMatchObject({ reason: "throttled", code: "RATE" });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(fake.count("/report")).toBe(10);
  });
});

describe("Netgsm: Bağlantıyı sına", () => {
  it("lists the headers and flags a header the account does not have", async () => {
    expect(await provider().testConnection!()).toEqual({ ok: true, senders: ["ICRA DAIRESI", "ICRADAIRESI"] });
    expect(await provider({ msgheader: "YOK" }).testConnection!()).toMatchObject({ ok: false, reason: "config" });
    expect(await provider({ password: "x" }).testConnection!()).toMatchObject({ ok: false, reason: "auth", code: "30" });
  });
});
