import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ManualClock } from "@/inngest/dev-engine/clock";
import { getRun, listRuns } from "@/inngest/dev-engine/queries";
import { engineRuns } from "@/lib/db/schema/engine";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { startEngineHarness, type EngineHarness } from "../../support/engine-harness";

const day = 24 * 60 * 60 * 1000;

describe("engine flow against the real serve() handler", () => {
  let testDb: TestDatabase;
  let harness: EngineHarness;
  const clock = new ManualClock();
  const calls: string[] = [];

  const runOf = async (eventId: string) => {
    const rows = await testDb.db.select().from(engineRuns).where(eq(engineRuns.eventId, eventId));
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    harness = await startEngineHarness({
      db: testDb.db,
      clock,
      functions: (client) => [
        client.createFunction({ id: "reminder", triggers: [{ event: "test/reminder.requested" }] }, async ({ event, step }) => {
          await step.run("send", () => calls.push(`send:${event.data.id}`));
          await step.sleep("wait-3-days", "3d");
          await step.run("send again", () => calls.push(`again:${event.data.id}`));
          const reply = await step.waitForEvent("wait-for-reply", { event: "test/reply.received", timeout: "7d", match: "data.id" });
          return { reply: reply ? { name: reply.name, text: reply.data.text } : null };
        }),
        client.createFunction({ id: "fan-out", triggers: [{ event: "test/fan-out" }] }, async ({ step }) => {
          const parts = await Promise.all(["a", "b", "c"].map((part) => step.run(`part-${part}`, () => part.toUpperCase())));
          const joined = await step.run("join", () => parts.join(""));
          await step.sendEvent("announce", { name: "test/announced", data: { joined } });
          return joined;
        }),
        client.createFunction(
          { id: "announced", triggers: [{ event: "test/announced", if: "event.data.joined == 'ABC' && size(event.data.joined) > 2" }] },
          async ({ event }) => calls.push(`announced:${event.data.joined}`),
        ),
        client.createFunction({ id: "guarded", triggers: [{ event: "test/guarded", if: "event.data.level >= 3 && event.data.office.code == 'ank'" }] }, async ({ event }) =>
          calls.push(`guarded:${event.data.level}`),
        ),
        client.createFunction({ id: "race", triggers: [{ event: "test/race" }] }, async ({ step, group }) => {
          const winner = await group.parallel({ mode: "race" }, () =>
            Promise.race([step.run("quick", () => "quick"), step.sleep("slow", "1h").then(() => "slow")]),
          );
          await step.run("after", () => calls.push(`after:${winner}`));
          await step.run("after-2", () => calls.push("after-2"));
          return winner;
        }),
        client.createFunction({ id: "sleep-until", triggers: [{ event: "test/sleep-until" }] }, async ({ event, step }) => {
          await step.sleepUntil("until", new Date(event.data.at as string));
          return "woke";
        }),
      ],
    });
  });
  afterAll(async () => {
    await harness?.close();
    await testDb?.close();
  });

  it("runs step, 3-day sleep, step, and a 7-day wait that a matching event ends", async () => {
    const started = performance.now();
    const [eventId] = await harness.engine.sendEvents({ name: "test/reminder.requested", data: { id: "m1" } });
    await harness.engine.runUntilIdle();
    expect(calls).toEqual(["send:m1"]);
    await harness.engine.advanceClock(3 * day - 1000);
    expect(calls).toEqual(["send:m1"]);
    await harness.engine.advanceClock(1000);
    expect(calls).toEqual(["send:m1", "again:m1"]);

    await harness.client.send({ name: "test/reply.received", data: { id: "someone-else", text: "no" } });
    await harness.engine.runUntilIdle();
    expect((await runOf(eventId)).status).toBe("running");

    await harness.client.send({ name: "test/reply.received", data: { id: "m1", text: "yes" } });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ reply: { name: "test/reply.received", text: "yes" } });
    console.log(`reminder flow (3 days + reply) on the manual clock: ${Math.round(performance.now() - started)} ms wall time`);
  });

  it("resumes a wait with null when it times out", async () => {
    calls.length = 0;
    const [eventId] = await harness.engine.sendEvents({ name: "test/reminder.requested", data: { id: "m2" } });
    await harness.engine.advanceClock(3 * day);
    expect(calls).toEqual(["send:m2", "again:m2"]);
    await harness.engine.advanceClock(7 * day - 1000);
    expect((await runOf(eventId)).status).toBe("running");
    await harness.engine.advanceClock(1000);
    const run = await runOf(eventId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ reply: null });
  });

  it("runs parallel steps, memoises them, and delivers step.sendEvent to a CEL-filtered trigger", async () => {
    calls.length = 0;
    const [eventId] = await harness.engine.sendEvents({ name: "test/fan-out", data: {} });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("ABC");
    expect(calls).toEqual(["announced:ABC"]);
    const detail = await getRun({ db: testDb.db, runId: run.id });
    expect(detail?.steps.map((step) => [step.stepId, step.status, step.result])).toEqual(
      expect.arrayContaining([
        ["part-a", "completed", "A"],
        ["part-b", "completed", "B"],
        ["part-c", "completed", "C"],
        ["join", "completed", "ABC"],
        ["announce", "completed", expect.objectContaining({ ids: [expect.any(String)] })],
      ]),
    );
  });

  it("resumes a race as soon as its first member finishes; the loser does not hold the steps after it", async () => {
    calls.length = 0;
    const [eventId] = await harness.engine.sendEvents({ name: "test/race", data: {} });
    await harness.engine.runUntilIdle();
    expect(calls).toEqual(["after:quick", "after-2"]);
    // The SDK returns only once every step it found has a result, the losing sleep included.
    expect((await runOf(eventId)).status).toBe("running");
    await harness.engine.advanceClock(60 * 60_000);
    const run = await runOf(eventId);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("quick");
  });

  it("evaluates trigger expressions with nested fields, numbers and strings", async () => {
    calls.length = 0;
    await harness.client.send([
      { name: "test/guarded", data: { level: 2, office: { code: "ank" } } },
      { name: "test/guarded", data: { level: 3, office: { code: "ist" } } },
      { name: "test/guarded", data: { level: 4, office: { code: "ank" } } },
      { name: "test/guarded", data: { office: { code: "ank" } } },
    ]);
    await harness.engine.runUntilIdle();
    expect(calls).toEqual(["guarded:4"]);
  });

  it("triggers functions only once for a repeated event id", async () => {
    calls.length = 0;
    await harness.client.send({ id: "dedupe-1", name: "test/guarded", data: { level: 5, office: { code: "ank" } } });
    await harness.client.send({ id: "dedupe-1", name: "test/guarded", data: { level: 5, office: { code: "ank" } } });
    await harness.engine.runUntilIdle();
    expect(calls).toEqual(["guarded:5"]);
  });

  it("sleeps until an absolute time", async () => {
    const at = new Date(clock.now() + 90 * 60_000).toISOString();
    const [eventId] = await harness.engine.sendEvents({ name: "test/sleep-until", data: { at } });
    await harness.engine.advanceClock(89 * 60_000);
    expect((await runOf(eventId)).status).toBe("running");
    await harness.engine.advanceClock(60_000);
    expect((await runOf(eventId)).output).toBe("woke");
  });

  it("lists runs newest first with keyset pages, and shows a run's steps", async () => {
    const first = await listRuns({ db: testDb.db, limit: 2 });
    expect(first.runs).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await listRuns({ db: testDb.db, limit: 100, cursor: first.nextCursor! });
    const all = [...first.runs, ...second.runs];
    expect(new Set(all.map((run) => run.id)).size).toBe(all.length);
    const times = all.map((run) => run.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const completed = await listRuns({ db: testDb.db, status: "completed" });
    expect(completed.runs.every((run) => run.status === "completed")).toBe(true);

    const [eventId] = await harness.engine.sendEvents({ name: "test/reminder.requested", data: { id: "m3" } });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    const [summary] = (await listRuns({ db: testDb.db, limit: 1 })).runs;
    expect(summary.id).toBe(run.id);
    expect(summary.status).toBe("running");
    expect(summary.nextWakeAt?.getTime()).toBe(clock.now() + 3 * day);
    const detail = await getRun({ db: testDb.db, runId: run.id });
    expect(detail?.steps.map((step) => [step.stepId, step.op, step.status])).toEqual([
      ["send", "StepRun", "completed"],
      ["wait-3-days", "Sleep", "sleeping"],
    ]);
  });
});
