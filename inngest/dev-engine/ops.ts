import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineQueue, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import { deleteJob, failRun, retryOrFail } from "./attempts";
import type { EngineContext } from "./context";
import type { Job, RunContext } from "./executor";
import { hashStepId } from "./ids";
import { backoffDelay, resolveTimeString } from "./retry";
import { endRun, ensureDiscovery, type LockedRun, pendingCount } from "./run-state";
import type { Op, SerializedError, StepState } from "./types";

/** The id the SDK gives function-level results it wraps as ops (attachLazyOps in the SDK). */
const runCompleteId = hashStepId("complete");
const resolved = new Set(["completed", "failed", "cancelled"]);

/** What the worker does after a commit: stop, or send the next request of the same run at once. */
export type CommitResult = { next?: Job; reload: boolean };

type Input = { job: Job; context: RunContext; run: LockedRun; rerun: boolean; ops: Op[]; retryAfterMs?: number; now: number };

function unsupported(op: Op): SerializedError {
  const step = op.displayName ?? op.userland?.id ?? op.name ?? op.id;
  return {
    name: "EngineUnsupportedError",
    message: `the embedded Inngest engine does not support step op "${op.op}" (step "${step}"); remove it or run this function on real Inngest`,
  };
}

/**
 * Applies a 206 response: memoises finished steps, schedules retries, plans parallel steps,
 * sleeps and waits, then decides whether the app must be asked again right away.
 */
export async function applyOps(tx: Executor, ctx: EngineContext, input: Input): Promise<CommitResult> {
  const { job, context, run, ops, now } = input;
  const existing = new Map(
    (
      await tx
        .select({ hash: engineSteps.hash, status: engineSteps.status, race: engineSteps.race })
        .from(engineSteps)
        .where(and(eq(engineSteps.runId, job.runId), inArray(engineSteps.hash, ops.map((op) => op.id))))
    ).map((row) => [row.hash, row]),
  );
  // Results resolved by someone else since our memo was loaded: our copy is stale.
  const reload = run.resolvedCount !== context.resolvedCount;
  let position = run.resolvedCount;
  let progressed = false;
  let stale = false;
  let raced = false;
  let keepJob = false;
  const memoised: [string, StepState][] = [];
  const errors: SerializedError[] = [];

  for (const op of ops) {
    const before = existing.get(op.id);
    const stepId = op.displayName ?? op.userland?.id ?? op.name ?? op.id;
    const base = { runId: job.runId, hash: op.id, stepId, op: op.op, name: op.name ?? null, createdAt: new Date(now) };
    if (op.op === "RunComplete") {
      await endRun(tx, job.runId, now, { status: "completed", output: op.data ?? null });
      return { reload: false };
    }
    if ((op.op === "StepError" || op.op === "StepFailed") && op.id === runCompleteId) {
      const error = op.error ?? { name: "Error", message: "function failed" };
      await retryOrFail(tx, ctx, job, context, error, op.op === "StepError", input.retryAfterMs, now);
      return { reload: false };
    }
    if (before && resolved.has(before.status)) {
      stale = true;
      continue;
    }
    const attempts = job.attempt + 1;
    const failedForGood = op.op === "StepFailed" || (op.op === "StepError" && attempts >= context.fn.maxAttempts);
    if (op.op === "StepRun" || failedForGood) {
      const result: StepState = op.op === "StepRun" ? { data: op.data ?? null } : { error: op.error ?? { name: "Error", message: "step failed" } };
      const update = { status: failedForGood ? ("failed" as const) : ("completed" as const), attempts, result, position: position++, endedAt: new Date(now) };
      await tx
        .insert(engineSteps)
        .values({ ...base, ...update })
        .onConflictDoUpdate({ target: [engineSteps.runId, engineSteps.hash], set: update });
      if (before) await deleteJob(tx, { runId: job.runId, target: op.id });
      memoised.push([op.id, result]);
      if ("error" in result) errors.push(result.error);
      progressed = true;
      raced ||= before?.race === true;
      continue;
    }
    if (op.op === "StepError") {
      const error = op.error ?? { name: "Error", message: "step failed" };
      await tx
        .insert(engineSteps)
        .values({ ...base, status: "planned", attempts, lastError: error })
        .onConflictDoUpdate({ target: [engineSteps.runId, engineSteps.hash], set: { attempts, lastError: error } });
      const dueAt = new Date(now + (input.retryAfterMs ?? backoffDelay(job.attempt, ctx.random)));
      const retry = { attempt: attempts, dueAt, leaseUntil: null, leaseOwner: null, rerun: false };
      await tx
        .insert(engineQueue)
        .values({ runId: job.runId, target: op.id, functionId: context.fn.id, concurrency: run.concurrency, createdAt: new Date(now), ...retry })
        .onConflictDoUpdate({ target: [engineQueue.runId, engineQueue.target], set: retry });
      errors.push(error);
      keepJob ||= op.id === job.target;
      ctx.logger.warn("step.failed", { runId: job.runId, step: stepId, attempt: job.attempt, retryAt: dueAt.toISOString() });
      continue;
    }
    if (before) continue; // already planned, sleeping or waiting: the SDK reports pending steps again
    if (op.op === "StepPlanned") {
      await tx.insert(engineSteps).values({ ...base, status: "planned", race: op.opts?.parallelMode === "race" });
      await tx
        .insert(engineQueue)
        .values({ runId: job.runId, target: op.id, functionId: context.fn.id, dueAt: new Date(now), concurrency: run.concurrency, createdAt: new Date(now) })
        .onConflictDoNothing();
    } else if (op.op === "Sleep" || op.op === "WaitForEvent") {
      const timing = op.op === "Sleep" ? op.name : op.opts?.timeout;
      const wakeAt = resolveTimeString(timing, now);
      if (wakeAt === undefined && (op.op === "Sleep" || timing !== undefined)) {
        await failRun(tx, ctx, job.runId, { name: "EngineOpError", message: `unreadable duration "${timing}" in step "${stepId}"` }, now);
        return { reload: false };
      }
      await tx.insert(engineSteps).values({
        ...base,
        status: op.op === "Sleep" ? "sleeping" : "waiting",
        wakeAt: wakeAt === undefined ? null : new Date(wakeAt),
        waitEvent: op.op === "WaitForEvent" ? (op.name ?? null) : null,
        waitIf: op.op === "WaitForEvent" ? (op.opts?.if ?? null) : null,
        race: op.opts?.parallelMode === "race",
      });
      if (wakeAt !== undefined) ctx.noteTimer(wakeAt);
    } else {
      await failRun(tx, ctx, job.runId, unsupported(op), now);
      return { reload: false };
    }
  }

  const disableImmediate = ops.length > 1 && !run.disableImmediate;
  if (position !== run.resolvedCount || disableImmediate || errors.length) {
    await tx
      .update(engineRuns)
      .set({
        resolvedCount: position,
        ...(disableImmediate ? { disableImmediate: true } : {}),
        ...(errors.length ? { failures: sql`${engineRuns.failures} + ${errors.length}`, lastError: errors[errors.length - 1] } : {}),
      })
      .where(eq(engineRuns.id, job.runId));
  }
  for (const [hash, result] of memoised) context.memo.set(hash, result);
  context.resolvedCount = position;
  context.disableImmediate ||= disableImmediate;

  const lease = { owner: ctx.owner, until: now + ctx.leaseMs };
  if (job.target === "step") {
    if (progressed || stale || input.rerun) {
      await tx
        .update(engineQueue)
        .set({ attempt: 0, rerun: false, dueAt: new Date(now) })
        .where(and(eq(engineQueue.runId, job.runId), eq(engineQueue.target, "step")));
      return { next: { ...job, attempt: 0 }, reload: reload || stale };
    }
    await deleteJob(tx, job);
    return { reload: false };
  }
  if (!keepJob) await deleteJob(tx, job);
  if (progressed && (raced || (await pendingCount(tx, job.runId)) === 0)) {
    if (await ensureDiscovery(tx, job.runId, run, now, lease)) return { next: { ...job, target: "step", attempt: 0 }, reload };
  }
  return { reload: false };
}
