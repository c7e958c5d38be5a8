import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { ManualClock } from "@/inngest/dev-engine/clock";
import { getRun } from "@/inngest/dev-engine/queries";
import { engineEvents, engineRuns } from "@/lib/db/schema/engine";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { startEngineHarness, type EngineHarness } from "../../support/engine-harness";

const day = 24 * 60 * 60 * 1000;

describe("retries and failures", () => {
  let testDb: TestDatabase;
  let harness: EngineHarness;
  const clock = new ManualClock();
  const attempts: Record<string, { at: number; attempt: number }[]> = {};
  const failures: { error: string; originalEvent: string; runId: string }[] = [];
  const record = (key: string, attempt: number) => (attempts[key] ??= []).push({ at: clock.now(), attempt });

  const runOf = async (eventId: string) => {
    const [run] = await testDb.db.select().from(engineRuns).where(eq(engineRuns.eventId, eventId));
    return run;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    harness = await startEngineHarness({
      db: testDb.db,
      clock,
      // No jitter, so the delays below are exact.
      engine: { random: () => 0 },
      functions: (client) => {
        const target = client.createFunction({ id: "invoked", triggers: [{ event: "test/never" }] }, async () => "unused");
        return [
          target,
          client.createFunction(
            {
              id: "always-throws",
              retries: 3,
              triggers: [{ event: "test/always-throws" }],
              onFailure: async ({ error, event }: { error: Error; event: { data: { run_id: string; event: { name: string } } } }) => {
                failures.push({ error: error.message, originalEvent: event.data.event.name, runId: event.data.run_id });
              },
            },
            async ({ step, attempt }) => {
              await step.run("flaky", () => {
                record("always", attempt);
                throw new Error("provider unreachable");
              });
            },
          ),
          client.createFunction({ id: "counts-attempts", retries: 2, triggers: [{ event: "test/counts" }] }, async ({ step, attempt }) => {
            await step.run("ok-first", () => "fine");
            await step.run("fails-twice", () => {
              record("counts", attempt);
              if (attempt < 2) throw new Error(`attempt ${attempt}`);
              return attempt;
            });
          }),
          client.createFunction({ id: "non-retriable", triggers: [{ event: "test/non-retriable" }] }, async ({ step }) => {
            await step.run("reject", () => {
              record("non-retriable", 0);
              throw new NonRetriableError("number is blacklisted");
            });
          }),
          client.createFunction({ id: "rejects-in-body", triggers: [{ event: "test/rejects-in-body" }] }, async () => {
            record("rejects-in-body", 0);
            throw new NonRetriableError("bad input");
          }),
          client.createFunction({ id: "retry-after", triggers: [{ event: "test/retry-after" }] }, async ({ step, attempt }) => {
            return step.run("rate-limited", () => {
              record("retry-after", attempt);
              if (attempt === 0) throw new RetryAfterError("429 from provider", "2m");
              return "sent";
            });
          }),
          client.createFunction({ id: "caught", retries: 0, triggers: [{ event: "test/caught" }] }, async ({ step }) => {
            try {
              await step.run("doomed", () => {
                throw new Error("gone for good");
              });
            } catch (error) {
              return step.run("fallback", () => `recovered from ${(error as Error).message}`);
            }
          }),
          client.createFunction({ id: "uses-invoke", triggers: [{ event: "test/invoke" }] }, async ({ step }) => {
            await step.run("before", () => "ok");
            return step.invoke("call-other", { function: target, data: {} });
          }),
          client.createFunction({ id: "uses-signal", triggers: [{ event: "test/signal" }] }, async ({ step }) =>
            step.waitForSignal("await-approval", { signal: "approval-1", timeout: "1h", onConflict: "replace" }),
          ),
          client.createFunction({ id: "throws-in-body", retries: 1, triggers: [{ event: "test/body-throws" }] }, async ({ attempt }) => {
            record("body", attempt);
            throw new Error("outside any step");
          }),
        ];
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await testDb?.close();
  });

  it("retries a throwing step with growing delays, then runs onFailure exactly once", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/always-throws", data: { phone: "+905551112233" } });
    await harness.engine.runUntilIdle();
    await harness.engine.advanceClock(day);
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    // Four failed attempts of the step, then the function's own rejection.
    expect(run.failures).toBe(5);
    const seen = attempts.always;
    expect(seen.map((entry) => entry.attempt)).toEqual([0, 1, 2, 3]);
    expect(seen.slice(1).map((entry, index) => entry.at - seen[index].at)).toEqual([15_000, 30_000, 60_000]);
    const detail = await getRun({ db: testDb.db, runId: run.id });
    const flaky = detail!.steps.find((step) => step.stepId === "flaky")!;
    expect(flaky.status).toBe("failed");
    expect(flaky.attempts).toBe(4);
    expect(flaky.error?.message).toBe("provider unreachable");

    expect(failures).toEqual([{ error: "provider unreachable", originalEvent: "test/always-throws", runId: run.id }]);
    const failedEvents = await testDb.db.select().from(engineEvents).where(eq(engineEvents.name, "inngest/function.failed"));
    expect(failedEvents).toHaveLength(1);
    expect(failedEvents[0].payload).toMatchObject({
      data: { function_id: "engine-test-always-throws", run_id: run.id, error: { message: "provider unreachable" }, event: { name: "test/always-throws" } },
    });
    await harness.engine.advanceClock(day);
    expect(failures).toHaveLength(1);
  });

  it("passes the attempt per step and waits about 15 s, then 30 s between attempts", async () => {
    await harness.engine.sendEvents({ name: "test/counts", data: {} });
    await harness.engine.advanceClock(10 * 60_000);
    const seen = attempts.counts;
    expect(seen.map((entry) => entry.attempt)).toEqual([0, 1, 2]);
    const delays = seen.slice(1).map((entry, index) => entry.at - seen[index].at);
    expect(delays).toEqual([15_000, 30_000]);
  });

  it("fails at once on NonRetriableError", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/non-retriable", data: {} });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    expect(run.lastError).toMatchObject({ message: "number is blacklisted" });
    expect(attempts["non-retriable"]).toHaveLength(1);
  });

  it("fails at once on a NonRetriableError thrown outside any step", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/rejects-in-body", data: {} });
    await harness.engine.advanceClock(60 * 60_000);
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    expect(run.lastError).toMatchObject({ name: "NonRetriableError", message: "bad input" });
    expect(attempts["rejects-in-body"]).toHaveLength(1);
  });

  it("waits the time a RetryAfterError asks for", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/retry-after", data: {} });
    await harness.engine.advanceClock(119_000);
    expect(attempts["retry-after"].map((entry) => entry.attempt)).toEqual([0]);
    await harness.engine.advanceClock(1_000);
    const [first, second] = attempts["retry-after"];
    expect(second.at - first.at).toBe(120_000);
    expect((await runOf(eventId)).output).toBe("sent");
  });

  it("lets the function catch a step that failed for good", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/caught", data: {} });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("recovered from gone for good");
  });

  it("fails a run that uses an unsupported op (step.invoke) with a clear error instead of hanging", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/invoke", data: {} });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    expect((run.lastError as { message: string }).message).toMatch(/does not support step op "InvokeFunction" \(step "call-other"\)/);
  });

  it("fails a run waiting for a signal, which the engine does not support", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/signal", data: {} });
    await harness.engine.runUntilIdle();
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    expect((run.lastError as { message: string }).message).toMatch(/does not support step op "WaitForSignal"/);
  });

  it("retries an error thrown outside any step as a function-level attempt", async () => {
    const [eventId] = await harness.engine.sendEvents({ name: "test/body-throws", data: {} });
    await harness.engine.advanceClock(60_000);
    expect(attempts.body.map((entry) => entry.attempt)).toEqual([0, 1]);
    expect(attempts.body[1].at - attempts.body[0].at).toBe(15_000);
    const run = await runOf(eventId);
    expect(run.status).toBe("failed");
    expect(run.lastError).toMatchObject({ message: "outside any step" });
  });
});
