import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { engineQueue, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import type { EngineContext } from "./context";
import type { Job, RunContext } from "./executor";
import { at, jsonValue, runStatement, type Statement } from "./sql-rows";
import type { ConcurrencySlot, EventPayload, StepState } from "./types";

const claimLockId = 727_001;

/**
 * Leases up to `max` due requests to this engine. A request whose run has reached a concurrency
 * limit waits; the limit counts requests being executed (leased), not runs that sleep or wait.
 */
export async function claimJobs(ctx: EngineContext, max: number): Promise<Job[]> {
  if (max <= 0) return [];
  const jobs = await claimUnlimited(ctx, max);
  const limited = ctx.registry.all().some((fn) => fn.concurrency.length > 0);
  return limited && jobs.length < max ? [...jobs, ...(await claimLimited(ctx, max - jobs.length))] : jobs;
}

type ClaimRow = {
  run_id: string;
  target: string;
  attempt: number;
  function_id: string;
  event: unknown;
  resolved_count: number;
  disable_immediate: boolean;
};

/** $1 now, $2 lease owner, $3 lease end, $4 how many. */
const claimStatement: Statement = {
  name: "engine_claim_v1",
  types: ["timestamptz", "text", "timestamptz", "int"],
  text: `with picked as (
      select run_id, target from engine_queue
      where due_at <= $1::timestamptz and (lease_until is null or lease_until < $1::timestamptz) and concurrency is null
      order by due_at, run_id limit $4 for update skip locked),
    leased as (
      update engine_queue q set lease_until = $3::timestamptz, lease_owner = $2
      from picked where q.run_id = picked.run_id and q.target = picked.target
      returning q.run_id, q.target, q.attempt),
    -- A data-modifying CTE always runs, read or not.
    started as (
      update engine_runs set status = 'running', started_at = $1::timestamptz
      where id in (select run_id from leased) and status = 'queued')
    select leased.run_id, leased.target, leased.attempt, r.function_id, r.event, r.resolved_count, r.disable_immediate
    from leased join engine_runs r on r.id = leased.run_id`,
};

/** Requests of runs without concurrency limits: one statement leases them and reads their runs. */
async function claimUnlimited(ctx: EngineContext, max: number): Promise<Job[]> {
  const now = ctx.clock.now();
  const rows = await runStatement<ClaimRow>(ctx.db, claimStatement, [
    new Date(now).toISOString(),
    ctx.owner,
    new Date(now + ctx.leaseMs).toISOString(),
    max,
  ]);
  return rows.map((row) => ({
    runId: row.run_id,
    target: row.target,
    attempt: row.attempt,
    concurrency: null,
    run: { functionId: row.function_id, event: jsonValue<EventPayload>(row.event), resolvedCount: row.resolved_count, disableImmediate: row.disable_immediate },
  }));
}

/** Serialises limited claims across engines sharing a database, so concurrency limits hold exactly. */
async function claimLimited(ctx: EngineContext, max: number): Promise<Job[]> {
  const now = new Date(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${claimLockId})`);
    const candidates = await tx
      .select({ runId: engineQueue.runId, target: engineQueue.target, attempt: engineQueue.attempt, concurrency: engineQueue.concurrency })
      .from(engineQueue)
      .where(and(lte(engineQueue.dueAt, now), or(isNull(engineQueue.leaseUntil), lt(engineQueue.leaseUntil, now)), isNotNull(engineQueue.concurrency)))
      .orderBy(asc(engineQueue.dueAt), asc(engineQueue.runId))
      .limit(max * 4);
    if (candidates.length === 0) return [];
    const inUse = new Map<string, number>();
    const leased = await tx
      .select({ concurrency: engineQueue.concurrency })
      .from(engineQueue)
      .where(and(isNotNull(engineQueue.concurrency), gte(engineQueue.leaseUntil, now)));
    for (const row of leased) for (const slot of row.concurrency as ConcurrencySlot[]) inUse.set(slot.key, (inUse.get(slot.key) ?? 0) + 1);
    const picked: Job[] = [];
    for (const job of candidates) {
      if (picked.length >= max) break;
      const slots = job.concurrency as ConcurrencySlot[];
      if (slots.some((slot) => (inUse.get(slot.key) ?? 0) >= slot.limit)) continue;
      for (const slot of slots) inUse.set(slot.key, (inUse.get(slot.key) ?? 0) + 1);
      picked.push({ ...job, concurrency: slots });
    }
    if (picked.length === 0) return [];
    const keys = sql.join(
      picked.map((job) => sql`(${job.runId}, ${job.target})`),
      sql`, `,
    );
    await tx
      .update(engineQueue)
      .set({ leaseUntil: new Date(now.getTime() + ctx.leaseMs), leaseOwner: ctx.owner })
      .where(sql`(${engineQueue.runId}, ${engineQueue.target}) in (${keys})`);
    await tx
      .update(engineRuns)
      .set({ status: "running", startedAt: now })
      .where(and(inArray(engineRuns.id, [...new Set(picked.map((job) => job.runId))]), eq(engineRuns.status, "queued")));
    return picked;
  });
}

/** Keeps a long request ours while the app works on it. */
export async function extendLease(ctx: EngineContext, job: Job): Promise<void> {
  await ctx.db
    .update(engineQueue)
    .set({ leaseUntil: new Date(ctx.clock.now() + ctx.leaseMs) })
    .where(and(eq(engineQueue.runId, job.runId), eq(engineQueue.target, job.target), eq(engineQueue.leaseOwner, ctx.owner)));
}

/** Gives back requests this engine holds, so another engine need not wait for the lease to lapse. */
export async function releaseLeases(ctx: EngineContext): Promise<void> {
  await ctx.db.update(engineQueue).set({ leaseUntil: null, leaseOwner: null }).where(eq(engineQueue.leaseOwner, ctx.owner));
}

/**
 * Everything a request for the run needs; "ended" when the run is over, or the id of its
 * function when the app no longer serves it.
 */
export async function loadRunContext(ctx: EngineContext, job: Job): Promise<RunContext | "ended" | { missing: string }> {
  let run = job.run;
  if (!run) {
    const [row] = await ctx.db
      .select({
        functionId: engineRuns.functionId,
        event: engineRuns.event,
        resolvedCount: engineRuns.resolvedCount,
        disableImmediate: engineRuns.disableImmediate,
      })
      .from(engineRuns)
      .where(and(eq(engineRuns.id, job.runId), inArray(engineRuns.status, ["queued", "running"])));
    if (!row) return "ended";
    run = { ...row, event: row.event as EventPayload };
  }
  const fn = ctx.registry.get(run.functionId);
  if (!fn) return { missing: run.functionId };
  const steps =
    run.resolvedCount === 0
      ? []
      : await ctx.db
          .select({ hash: engineSteps.hash, result: engineSteps.result })
          .from(engineSteps)
          .where(and(eq(engineSteps.runId, job.runId), inArray(engineSteps.status, ["completed", "failed"])))
          .orderBy(asc(engineSteps.position));
  return {
    runId: job.runId,
    fn,
    event: run.event,
    memo: new Map(steps.map((step) => [step.hash, step.result as StepState])),
    resolvedCount: run.resolvedCount,
    disableImmediate: run.disableImmediate,
  };
}

/** The earliest times after `after` at which a request, and a sleep or wait, become due. */
export async function nextDueAt(db: Database, after: number): Promise<{ job?: number; timer?: number }> {
  const from = at(after);
  const epochMs = (value: SQL) => sql<number | null>`(extract(epoch from ${value}) * 1000)::float8`;
  // A leased request becomes due again when its lease lapses (its engine may have died).
  const jobDue = sql`greatest(${engineQueue.dueAt}, coalesce(${engineQueue.leaseUntil}, ${engineQueue.dueAt}))`;
  const [job] = await db
    .select({ at: epochMs(sql`min(${jobDue})`) })
    .from(engineQueue)
    .where(sql`${jobDue} > ${from}`);
  const [timer] = await db
    .select({ at: epochMs(sql`min(${engineSteps.wakeAt})`) })
    .from(engineSteps)
    .where(and(inArray(engineSteps.status, ["sleeping", "waiting"]), sql`${engineSteps.wakeAt} > ${from}`));
  const number = (value: number | null | undefined) => (value === null || value === undefined ? undefined : Number(value));
  return { job: number(job?.at), timer: number(timer?.at) };
}
