import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineQueue } from "@/lib/db/schema/engine";
import { deleteJob, retryOrFail } from "./attempts";
import type { EngineContext } from "./context";
import type { Job, Outcome, RunContext } from "./executor";
import { applyOps, type CommitResult } from "./ops";
import { endRun, lockRun } from "./run-state";

const done: CommitResult = { reload: false };

/**
 * Applies the app's answer to one request, in one transaction. Nothing is applied when the job
 * is no longer ours (the run was cancelled, or our lease lapsed and someone else took it).
 */
export async function commitOutcome(tx: Executor, ctx: EngineContext, job: Job, context: RunContext, outcome: Outcome): Promise<CommitResult> {
  const now = ctx.clock.now();
  const [held] = await tx
    .update(engineQueue)
    .set({ leaseUntil: new Date(now + ctx.leaseMs) })
    .where(and(eq(engineQueue.runId, job.runId), eq(engineQueue.target, job.target), eq(engineQueue.leaseOwner, ctx.owner)))
    .returning({ rerun: engineQueue.rerun });
  if (!held) {
    // Cancelled meanwhile, or our lease lapsed and another engine took the request.
    ctx.logger.info("job.dropped", { runId: job.runId, target: job.target });
    return done;
  }
  const run = await lockRun(tx, job.runId);
  if (!run) {
    await deleteJob(tx, job);
    return done;
  }
  if (outcome.kind === "completed") {
    await endRun(tx, job.runId, now, { status: "completed", output: outcome.output });
    ctx.logger.info("run.completed", { runId: job.runId, functionId: context.fn.id });
    return done;
  }
  if (outcome.kind === "error") {
    await retryOrFail(tx, ctx, job, context, outcome.error, outcome.retriable, outcome.retryAfterMs, now);
    return done;
  }
  return applyOps(tx, ctx, { job, context, run, rerun: held.rerun, ops: outcome.ops, retryAfterMs: outcome.retryAfterMs, now });
}
