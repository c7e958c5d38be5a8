import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Inngest } from "inngest";
import { ManualClock } from "@/inngest/dev-engine/clock";
import { engineEvents, engineRuns } from "@/lib/db/schema/engine";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { startEngineHarness, type EngineHarness } from "../../support/engine-harness";

const minute = 60_000;

describe("cron triggers", () => {
  let testDb: TestDatabase;
  let harness: EngineHarness | undefined;
  const everyMinute = (client: Inngest) => [
    client.createFunction({ id: "every-minute", triggers: [{ cron: "* * * * *" }] }, async ({ event, step }) => {
      await step.run("tick", () => event.name);
    }),
  ];
  /** The slots that fired, as ISO minutes, from the timer events' `ts`. */
  const firedSlots = async () =>
    (await testDb.db.select({ payload: engineEvents.payload }).from(engineEvents).where(eq(engineEvents.name, "inngest/scheduled.timer")))
      .map((row) => new Date((row.payload as { ts: number }).ts).toISOString().slice(11, 16))
      .sort();

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await harness?.close();
    await testDb?.close();
  });

  it("fires a per-minute cron once per minute of fast-forwarded time, also across a restart", async () => {
    const clock = new ManualClock(Date.parse("2030-01-07T06:00:30Z"));
    harness = await startEngineHarness({ db: testDb.db, clock, functions: everyMinute });
    await harness.engine.advanceClock(10 * minute);
    expect(await firedSlots()).toEqual(["06:01", "06:02", "06:03", "06:04", "06:05", "06:06", "06:07", "06:08", "06:09", "06:10"]);
    await harness.close();

    // A new engine on the same database, 20 s later: the 06:10 slot must not fire again.
    const next = new ManualClock(clock.now() + 20_000);
    harness = await startEngineHarness({ db: testDb.db, clock: next, functions: everyMinute });
    await harness.engine.advanceClock(5 * minute);
    const slots = await firedSlots();
    expect(slots).toHaveLength(15);
    expect(new Set(slots).size).toBe(15);
    expect(slots.slice(-5)).toEqual(["06:11", "06:12", "06:13", "06:14", "06:15"]);
    const runs = await testDb.db.select({ status: engineRuns.status }).from(engineRuns);
    expect(runs.map((run) => run.status)).toEqual(Array(15).fill("completed"));
    await harness.close();
  });

  it("does not backfill slots missed while down; a slot at most a minute late still fires", async () => {
    // Last settled slot 06:15; down until 06:20:30. 06:16-06:19 are dropped, 06:20 fires.
    const clock = new ManualClock(Date.parse("2030-01-07T06:20:30Z"));
    harness = await startEngineHarness({ db: testDb.db, clock, functions: everyMinute });
    await harness.engine.runUntilIdle();
    const slots = await firedSlots();
    expect(slots.slice(-2)).toEqual(["06:15", "06:20"]);
    expect(slots).toHaveLength(16);
    await harness.close();
  });

  it("fires a time-zone cron on weekdays only, at 09:00 Istanbul time", async () => {
    // Friday 2030-01-11, 08:00 in Istanbul (UTC+3).
    const clock = new ManualClock(Date.parse("2030-01-11T05:00:00Z"));
    const fired: string[] = [];
    harness = await startEngineHarness({
      db: testDb.db,
      clock,
      functions: (client) => [
        client.createFunction({ id: "weekday-morning", triggers: [{ cron: "TZ=Europe/Istanbul 0 9 * * 1-5" }] }, async ({ event }) => {
          fired.push(new Date(event.ts!).toISOString());
          return event.data.cron;
        }),
      ],
    });
    await harness.engine.advanceClock(4 * 24 * 60 * minute + 60 * minute);
    expect(fired).toEqual(["2030-01-11T06:00:00.000Z", "2030-01-14T06:00:00.000Z", "2030-01-15T06:00:00.000Z"]);
    const outputs = await testDb.db
      .select({ output: engineRuns.output })
      .from(engineRuns)
      .where(eq(engineRuns.functionId, "engine-test-weekday-morning"));
    expect(outputs.map((row) => row.output)).toEqual(Array(3).fill("TZ=Europe/Istanbul 0 9 * * 1-5"));
  });
});
