import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ManualClock } from "@/inngest/dev-engine/clock";
import { createEngine } from "@/inngest/dev-engine";
import { hashStepId } from "@/inngest/dev-engine/ids";
import { silentLogger } from "@/inngest/dev-engine/logger";
import { engineFunctions, engineRuns } from "@/lib/db/schema/engine";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { startEngineHarness, testEventKey, type EngineHarness } from "../../support/engine-harness";

type Captured = { url: string; headers: Record<string, string>; body: Record<string, unknown> };

describe("the SDK protocol as the engine speaks it", () => {
  let testDb: TestDatabase;
  let harness: EngineHarness;
  const clock = new ManualClock();
  const requests: Captured[] = [];
  const tamper = { stripSignature: false };
  const syncKinds: (string | null)[] = [];

  // Records what the engine sends and can drop the SDK's response signature.
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    if (init?.method === "POST") requests.push({ url: String(input), headers, body: JSON.parse(String(init.body)) });
    const response = await fetch(input, init);
    if (init?.method === "PUT") syncKinds.push(response.headers.get("x-inngest-sync-kind"));
    if (!tamper.stripSignature) return response;
    const stripped = new Headers(response.headers);
    stripped.delete("x-inngest-signature");
    return new Response(await response.text(), { status: response.status, headers: stripped });
  };
  const runOf = async (eventId: string) => (await testDb.db.select().from(engineRuns).where(eq(engineRuns.eventId, eventId)))[0];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    harness = await startEngineHarness({
      db: testDb.db,
      clock,
      engine: { fetch: recordingFetch },
      functions: (client) => [
        client.createFunction({ id: "contract", retries: 5, triggers: [{ event: "test/contract" }] }, async ({ step }) => {
          const first = await step.run("send", () => "one");
          const again = await step.run("send", () => "two");
          return [first, again];
        }),
        client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) =>
          Promise.all([step.run("left", () => "L"), step.run("right", () => "R")]),
        ),
        client.createFunction({ id: "wait-if", triggers: [{ event: "test/wait-if" }] }, async ({ step }) => {
          const reply = await step.waitForEvent("reply", {
            event: "test/wait-if.reply",
            timeout: "1h",
            if: "async.data.reply.code == event.data.code && async.data.reply.count > 1",
          });
          return reply?.data.reply.count ?? null;
        }),
        client.createFunction({ id: "debounced", debounce: { period: "5s" }, triggers: [{ event: "test/debounced" }] }, async () => "never"),
      ],
    });
  });
  afterAll(async () => {
    await harness?.close();
    await testDb?.close();
  });

  it("sends signed version-2 requests without fn_id, steps keyed by SHA-1 of their ids", async () => {
    requests.length = 0;
    const [eventId] = await harness.engine.sendEvents({ name: "test/contract", data: { x: 1 } });
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).output).toEqual(["one", "two"]);
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.url).toMatch(/\/api\/inngest\?fnId=engine-test-contract&stepId=step$/);
      expect(request.headers["x-inngest-signature"]).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
      expect(request.headers["x-inngest-req-version"]).toBe("2");
      expect(request.body.ctx).not.toHaveProperty("fn_id");
      expect(request.body.ctx).toMatchObject({ attempt: 0, max_attempts: 6, use_api: false, disable_immediate_execution: false });
      expect(request.body.event).toMatchObject({ name: "test/contract", data: { x: 1 } });
    }
    const last = requests[2].body;
    // A repeated step id is hashed as "id:1".
    const first = hashStepId("send");
    const second = hashStepId("send:1");
    expect(last.steps).toEqual({ [first]: { data: "one" }, [second]: { data: "two" } });
    expect(last.ctx).toMatchObject({ stack: { stack: [first, second], current: 2 } });
  });

  it("runs parallel steps one request each, by hash, with immediate execution disabled", async () => {
    requests.length = 0;
    const [eventId] = await harness.engine.sendEvents({ name: "test/parallel", data: {} });
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).output).toEqual(["L", "R"]);
    const stepIds = requests.map((request) => new URL(request.url).searchParams.get("stepId"));
    expect(stepIds[0]).toBe("step");
    expect(stepIds.slice(1, 3).sort()).toEqual([hashStepId("left"), hashStepId("right")].sort());
    expect(stepIds[3]).toBe("step");
    expect(requests).toHaveLength(4);
    for (const request of requests.slice(1)) expect(request.body.ctx).toMatchObject({ disable_immediate_execution: true });
    expect(Object.keys(requests[3].body.steps as object).sort()).toEqual([hashStepId("left"), hashStepId("right")].sort());
  });

  it("resumes a wait only for an event matching its `if` expression", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/wait-if", data: { code: "X1" } });
    await harness.engine.runUntilIdle();
    await harness.client.send([
      { name: "test/wait-if.reply", data: { reply: { code: "X1", count: 1 } } },
      { name: "test/wait-if.reply", data: { reply: { code: "Y9", count: 5 } } },
      { name: "test/wait-if.reply", data: { other: true } },
    ]);
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).status).toBe("running");
    await harness.client.send({ name: "test/wait-if.reply", data: { reply: { code: "X1", count: 2 } } });
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).output).toBe(2);
  });

  it("refuses at sync a function with an option it cannot honour, and says why", async () => {
    const report = await harness.engine.sync();
    expect(syncKinds.at(-1)).toBe("in_band");
    expect(report.rejected).toEqual([{ id: "engine-test-debounced", reason: 'option "debounce" is not supported by the embedded engine' }]);
    expect(report.functions).toEqual(expect.arrayContaining(["engine-test-contract", "engine-test-wait-if"]));
    const stored = await testDb.db.select({ id: engineFunctions.id }).from(engineFunctions);
    expect(stored.map((row) => row.id).sort()).toEqual(["engine-test-contract", "engine-test-parallel", "engine-test-wait-if"]);
  });

  it("treats a response without the SDK's signature as a failed attempt", async () => {
    tamper.stripSignature = true;
    try {
      const [eventId] = await harness.engine.sendEvents({ name: "test/contract", data: {} });
      await harness.engine.runUntilIdle();
      const run = await runOf(eventId);
      expect(run.status).toBe("running");
      expect(run.lastError).toMatchObject({ name: "EngineSignatureError" });
      await expect(harness.engine.sync()).rejects.toThrow(/no valid signature/);
      tamper.stripSignature = false;
      await harness.engine.advanceClock(60_000);
      expect((await runOf(eventId)).status).toBe("completed");
    } finally {
      tamper.stripSignature = false;
    }
  });

  it("serves the event API: key check, single or batch, clear errors", async () => {
    const post = (key: string, body: unknown) =>
      fetch(new URL(`e/${key}`, harness.engine.url), { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const single = await post(testEventKey, { name: "test/nothing", data: {} });
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({ ids: [expect.any(String)], status: 200 });
    const batch = await post(testEventKey, [{ name: "test/a" }, { name: "test/b", data: { n: 1 } }]);
    expect((await batch.json()).ids).toHaveLength(2);
    expect((await post("wrong-key", { name: "test/a" })).status).toBe(401);
    const invalid = await post(testEventKey, [{ data: {} }]);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatch(/name/);
    // The SDK repeats x-inngest-event-id-seed when it retries a send: the repeat triggers nothing.
    const resend = () =>
      fetch(new URL(`e/${testEventKey}`, harness.engine.url), {
        method: "POST",
        body: JSON.stringify([{ name: "test/contract", data: { resent: true } }]),
        headers: { "content-type": "application/json", "x-inngest-event-id-seed": "1893456000000,c2VlZC1lbnRyb3B5" },
      }).then((response) => response.json());
    const [first, second] = [await resend(), await resend()];
    expect(second.ids).toEqual(first.ids);
    const runs = await testDb.db.select().from(engineRuns).where(eq(engineRuns.eventId, first.ids[0]));
    expect(runs).toHaveLength(1);
    const unknown = await fetch(new URL("v1/signals", harness.engine.url), { method: "POST", body: "{}" });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/does not implement POST \/v1\/signals/);
  });

  it("fails to sync with a clear message when the app does not share the signing key", async () => {
    const stranger = createEngine({
      db: testDb.db,
      serveUrl: harness.serveUrl,
      signingKey: `signkey-test-${"ab".repeat(32)}`,
      eventKey: testEventKey,
      logger: silentLogger,
    });
    await expect(stranger.sync()).rejects.toThrow(/HTTP 401/);
  });

  it("accepts an out-of-band sync posted to /fn/register", async () => {
    process.env.INNGEST_ALLOW_IN_BAND_SYNC = "false";
    try {
      const report = await harness.engine.sync();
      expect(report.functions).toEqual(expect.arrayContaining(["engine-test-contract", "engine-test-wait-if"]));
      expect(report.rejected.map((entry) => entry.id)).toEqual(["engine-test-debounced"]);
      expect(syncKinds.at(-1)).toBe("out_of_band");
    } finally {
      delete process.env.INNGEST_ALLOW_IN_BAND_SYNC;
    }
    const [eventId] = await harness.engine.sendEvents({ name: "test/contract", data: {} });
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).status).toBe("completed");
  });
});
