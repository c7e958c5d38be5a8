import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineQueue, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import type { ConcurrencySlot, EventPayload, SerializedError, StepState } from "./types";

// Transitions of a run that several paths share (responses, timers, incoming events). Each runs
// inside the caller's transaction and starts by updating the run row, which locks it: two
// resolutions of the same run are applied one after the other, never interleaved.

export const activeStatuses = ["queued", "running"] as const;
const pendingStepStatuses = ["planned", "sleeping", "waiting"] as const;

export type LockedRun = {
  functionId: string;
  event: EventPayload;
  resolvedCount: number;
  disableImmediate: boolean;
  concurrency: ConcurrencySlot[] | null;
};

/** Locks an active run and reserves `positions` places in its stack; undefined once it has ended. */
export async function lockRun(tx: Executor, runId: string, positions = 0): Promise<LockedRun | undefined> {
  const [run] = await tx
    .update(engineRuns)
    .set({ resolvedCount: sql`${engineRuns.resolvedCount} + ${positions}` })
    .where(and(eq(engineRuns.id, runId), inArray(engineRuns.status, activeStatuses)))
    .returning({
      functionId: engineRuns.functionId,
      event: engineRuns.event,
      resolvedCount: engineRuns.resolvedCount,
      disableImmediate: engineRuns.disableImmediate,
      concurrency: engineRuns.concurrency,
    });
  return run as LockedRun | undefined;
}

/**
 * Steps still owed to the run (planned, sleeping, waiting) plus a queued discovery request. Race
 * members are left out: each resumes the run itself, and the losers must not hold it back.
 */
export async function pendingCount(tx: Executor, runId: string): Promise<number> {
  const [row] = await tx
    .select({
      n: sql<number>`(select count(*)::int from ${engineSteps} where ${engineSteps.runId} = ${runId}
              and ${engineSteps.status} in ('planned','sleeping','waiting') and not ${engineSteps.race})
         + (select count(*)::int from ${engineQueue} where ${engineQueue.runId} = ${runId} and ${engineQueue.target} = 'step')`,
    })
    .from(engineRuns)
    .where(eq(engineRuns.id, runId));
  return Number(row?.n ?? 0);
}

/**
 * Makes sure the app is asked what comes next. When a discovery request is already queued or in
 * flight it is flagged to run once more, because it may have been sent before this result existed.
 * Returns true when a new request was queued (leased to `leaseOwner` if given).
 */
export async function ensureDiscovery(
  tx: Executor,
  runId: string,
  run: Pick<LockedRun, "functionId" | "concurrency">,
  now: number,
  lease?: { owner: string; until: number },
): Promise<boolean> {
  const rows = await tx
    .insert(engineQueue)
    .values({
      runId,
      target: "step",
      functionId: run.functionId,
      attempt: 0,
      dueAt: new Date(now),
      leaseOwner: lease?.owner,
      leaseUntil: lease ? new Date(lease.until) : undefined,
      concurrency: run.concurrency,
      createdAt: new Date(now),
    })
    .onConflictDoUpdate({ target: [engineQueue.runId, engineQueue.target], set: { rerun: true } })
    .returning({ fresh: sql<boolean>`(xmax = 0)` });
  return rows[0]?.fresh === true;
}

/**
 * Stores a result for a pending sleep, wait or planned step, then resumes the run if nothing else
 * is owed (or the step was part of a race). Returns false when the step was no longer pending.
 */
export async function resolvePendingStep(
  tx: Executor,
  runId: string,
  hash: string,
  result: StepState,
  now: number,
  from: readonly (typeof pendingStepStatuses)[number][],
): Promise<boolean> {
  const run = await lockRun(tx, runId, 1);
  if (!run) return false;
  const [step] = await tx
    .update(engineSteps)
    .set({ status: "completed", result, position: run.resolvedCount, endedAt: new Date(now) })
    .where(and(eq(engineSteps.runId, runId), eq(engineSteps.hash, hash), inArray(engineSteps.status, from)))
    .returning({ race: engineSteps.race });
  if (!step) return false;
  if (step.race || (await pendingCount(tx, runId)) === 0) await ensureDiscovery(tx, runId, run, now);
  return true;
}

/** Ends an active run for good: no request is sent for it again. Returns false if it had ended. */
export async function endRun(
  tx: Executor,
  runId: string,
  now: number,
  end: { status: "completed"; output: unknown } | { status: "failed"; error: SerializedError } | { status: "cancelled" },
): Promise<{ functionId: string; event: EventPayload } | undefined> {
  const [run] = await tx
    .update(engineRuns)
    .set({
      status: end.status,
      endedAt: new Date(now),
      ...(end.status === "completed" ? { output: end.output ?? null } : {}),
      ...(end.status === "failed" ? { lastError: end.error } : {}),
    })
    .where(and(eq(engineRuns.id, runId), inArray(engineRuns.status, activeStatuses)))
    .returning({ functionId: engineRuns.functionId, event: engineRuns.event });
  if (!run) return undefined;
  await tx.delete(engineQueue).where(eq(engineQueue.runId, runId));
  await tx
    .update(engineSteps)
    .set({ status: "cancelled", endedAt: new Date(now) })
    .where(and(eq(engineSteps.runId, runId), inArray(engineSteps.status, pendingStepStatuses)));
  return run as { functionId: string; event: EventPayload };
}
