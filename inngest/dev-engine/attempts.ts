import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineQueue, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import type { EngineContext } from "./context";
import type { Job, RunContext } from "./executor";
import { ingestEvents } from "./intake";
import { backoffDelay } from "./retry";
import { endRun } from "./run-state";
import type { SerializedError } from "./types";

export async function deleteJob(tx: Executor, job: Pick<Job, "runId" | "target">): Promise<void> {
  await tx.delete(engineQueue).where(and(eq(engineQueue.runId, job.runId), eq(engineQueue.target, job.target)));
}

/**
 * A failed attempt of the job's request: retried later with backoff (or the app's retry-after)
 * while attempts remain, otherwise the run fails.
 */
export async function retryOrFail(
  tx: Executor,
  ctx: EngineContext,
  job: Job,
  context: RunContext,
  error: SerializedError,
  retriable: boolean,
  retryAfterMs: number | undefined,
  now: number,
): Promise<void> {
  const attempts = job.attempt + 1;
  await tx
    .update(engineRuns)
    .set({ failures: sql`${engineRuns.failures} + 1`, lastError: error })
    .where(eq(engineRuns.id, job.runId));
  if (job.target !== "step") {
    await tx
      .update(engineSteps)
      .set({ attempts, lastError: error })
      .where(and(eq(engineSteps.runId, job.runId), eq(engineSteps.hash, job.target)));
  }
  if (!retriable || attempts >= context.fn.maxAttempts) {
    await failRun(tx, ctx, job.runId, error, now);
    return;
  }
  const delay = retryAfterMs ?? backoffDelay(job.attempt, ctx.random);
  await tx
    .update(engineQueue)
    .set({ attempt: attempts, dueAt: new Date(now + delay), leaseUntil: null, leaseOwner: null, rerun: false })
    .where(and(eq(engineQueue.runId, job.runId), eq(engineQueue.target, job.target)));
  ctx.logger.warn("attempt.failed", { runId: job.runId, target: job.target, attempt: job.attempt, retryInMs: delay, error: error.message });
}

/** Fails the run and emits `inngest/function.failed`, which starts its onFailure handler. */
export async function failRun(tx: Executor, ctx: EngineContext, runId: string, error: SerializedError, now: number): Promise<void> {
  const ended = await endRun(tx, runId, now, { status: "failed", error });
  if (!ended) return;
  ctx.logger.error("run.failed", { runId, functionId: ended.functionId, error: error.message });
  await ingestEvents(tx, ctx, [
    { name: "inngest/function.failed", data: { function_id: ended.functionId, run_id: runId, error, event: ended.event } },
  ]);
}
