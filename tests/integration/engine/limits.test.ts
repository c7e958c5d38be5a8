import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ManualClock } from "@/inngest/dev-engine/clock";
import { engineEvents, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { startEngineHarness, type EngineHarness } from "../../support/engine-harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("cancelOn, concurrency, throttle and rate limits", () => {
  let testDb: TestDatabase;
  let harness: EngineHarness;
  const clock = new ManualClock();
  const steps: string[] = [];
  const gauge = { now: 0, max: 0, perOffice: new Map<string, number>(), maxPerOffice: 0 };

  const enter = async (office?: string) => {
    gauge.now++;
    gauge.max = Math.max(gauge.max, gauge.now);
    if (office) {
      const inOffice = (gauge.perOffice.get(office) ?? 0) + 1;
      gauge.perOffice.set(office, inOffice);
      gauge.maxPerOffice = Math.max(gauge.maxPerOffice, inOffice);
    }
    await pause(25);
    gauge.now--;
    if (office) gauge.perOffice.set(office, gauge.perOffice.get(office)! - 1);
  };
  const statusesOf = async (functionId: string) =>
    (await testDb.db.select({ status: engineRuns.status }).from(engineRuns).where(eq(engineRuns.functionId, functionId))).map((row) => row.status);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    harness = await startEngineHarness({
      db: testDb.db,
      clock,
      functions: (client) => [
        client.createFunction(
          {
            id: "scheduled-sms",
            triggers: [{ event: "test/sms.scheduled" }],
            cancelOn: [{ event: "test/sms.cancelled", if: "event.data.messageId == async.data.messageId", timeout: "2d" }],
          },
          async ({ event, step }) => {
            await step.run("prepare", () => steps.push(`prepare:${event.data.messageId}`));
            await step.sleep("until-send-time", (event.data.delay as string | undefined) ?? "1h");
            await step.run("send", () => steps.push(`send:${event.data.messageId}`));
          },
        ),
        client.createFunction({ id: "limited", concurrency: { limit: 2 }, triggers: [{ event: "test/limited" }] }, async ({ step }) => {
          await step.run("one", () => enter());
          await step.sleep("breather", "1m");
          await step.run("two", () => enter());
        }),
        client.createFunction(
          { id: "per-office", concurrency: [{ limit: 1, key: "event.data.officeId" }], triggers: [{ event: "test/per-office" }] },
          async ({ event, step }) => {
            await step.run("only", () => enter(event.data.officeId as string));
          },
        ),
        client.createFunction(
          { id: "throttled", throttle: { limit: 1, period: "1m" }, triggers: [{ event: "test/throttled" }] },
          async ({ step }) => step.run("at", () => clock.now()),
        ),
        client.createFunction(
          { id: "rate-limited", rateLimit: { limit: 1, period: "1h", key: "event.data.phone" }, triggers: [{ event: "test/rate-limited" }] },
          async () => "ran",
        ),
      ],
    });
  });
  afterAll(async () => {
    await harness?.close();
    await testDb?.close();
  });

  it("cancels a sleeping run on a matching cancel event, and nothing runs after", async () => {
    await harness.engine.sendEvents([
      { name: "test/sms.scheduled", data: { messageId: "a" } },
      { name: "test/sms.scheduled", data: { messageId: "b" } },
    ]);
    await harness.engine.runUntilIdle();
    await harness.client.send({ name: "test/sms.cancelled", data: { messageId: "a" } });
    await harness.engine.advanceClock(2 * 60 * 60 * 1000);
    expect(steps.sort()).toEqual(["prepare:a", "prepare:b", "send:b"]);
    expect((await statusesOf("engine-test-scheduled-sms")).sort()).toEqual(["cancelled", "completed"]);
    const cancelled = await testDb.db.select().from(engineEvents).where(eq(engineEvents.name, "inngest/function.cancelled"));
    expect(cancelled).toHaveLength(1);
  });

  it("ignores a cancel event after the cancel timeout", async () => {
    steps.length = 0;
    await harness.engine.sendEvents({ name: "test/sms.scheduled", data: { messageId: "late", delay: "3d" } });
    await harness.engine.advanceClock(2 * 24 * 60 * 60_000 + 1000);
    await harness.client.send({ name: "test/sms.cancelled", data: { messageId: "late" } });
    await harness.engine.advanceClock(24 * 60 * 60_000);
    expect(steps).toEqual(["prepare:late", "send:late"]);
  });

  it("never executes more than 2 steps of a function with concurrency 2, while sleeping runs do not count", async () => {
    await harness.engine.sendEvents(Array.from({ length: 10 }, (_, i) => ({ name: "test/limited", data: { i } })));
    await harness.engine.runUntilIdle();
    // All ten went through step one and sleep: a sleeping run holds no slot.
    const sleeping = await testDb.db.select().from(engineSteps).where(and(eq(engineSteps.stepId, "breather"), eq(engineSteps.status, "sleeping")));
    expect(sleeping).toHaveLength(10);
    await harness.engine.advanceClock(5 * 60_000);
    expect(gauge.max).toBe(2);
    expect(await statusesOf("engine-test-limited")).toEqual(Array(10).fill("completed"));
  });

  it("applies a keyed concurrency limit per key", async () => {
    gauge.max = 0;
    const offices = ["ankara", "izmir", "bursa"];
    await harness.engine.sendEvents(Array.from({ length: 9 }, (_, i) => ({ name: "test/per-office", data: { officeId: offices[i % 3] } })));
    await harness.engine.runUntilIdle();
    expect(gauge.maxPerOffice).toBe(1);
    expect(gauge.max).toBeGreaterThan(1);
    expect(await statusesOf("engine-test-per-office")).toEqual(Array(9).fill("completed"));
  });

  it("throttles starts to one per minute without dropping runs", async () => {
    const startedAt = clock.now();
    await harness.engine.sendEvents(Array.from({ length: 3 }, () => ({ name: "test/throttled", data: {} })));
    await harness.engine.advanceClock(5 * 60_000);
    const runs = await testDb.db.select({ output: engineRuns.output }).from(engineRuns).where(eq(engineRuns.functionId, "engine-test-throttled"));
    expect(runs.map((run) => (run.output as number) - startedAt).sort((a, b) => a - b)).toEqual([0, 60_000, 120_000]);
  });

  it("drops runs over the rate limit per key", async () => {
    await harness.engine.sendEvents([
      { name: "test/rate-limited", data: { phone: "1" } },
      { name: "test/rate-limited", data: { phone: "1" } },
      { name: "test/rate-limited", data: { phone: "2" } },
    ]);
    await harness.engine.runUntilIdle();
    expect(await statusesOf("engine-test-rate-limited")).toEqual(["completed", "completed"]);
    await harness.engine.advanceClock(60 * 60_000 + 1);
    await harness.engine.sendEvents({ name: "test/rate-limited", data: { phone: "1" } });
    await harness.engine.runUntilIdle();
    expect(await statusesOf("engine-test-rate-limited")).toHaveLength(3);
  });
});
