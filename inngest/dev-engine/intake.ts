import { and, asc, count, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineEvents, engineQueue, engineRuns, engineSteps } from "@/lib/db/schema/engine";
import { celKey, celMatches } from "./cel";
import type { EngineContext } from "./context";
import { seededUlid, ulid } from "./ids";
import { periodMs, type RegisteredFunction } from "./registry";
import { resolveTimeString } from "./retry";
import { activeStatuses, endRun, resolvePendingStep } from "./run-state";
import type { ConcurrencySlot, EventPayload, IncomingEvent } from "./types";

const dayMs = 24 * 60 * 60 * 1000;

export class InvalidEventError extends Error {}

function toPayload(event: IncomingEvent, internalId: string, now: number): EventPayload {
  if (!event || typeof event !== "object" || typeof event.name !== "string" || event.name.length === 0) {
    throw new InvalidEventError("every event needs a non-empty string `name`");
  }
  if (event.data !== undefined && (typeof event.data !== "object" || event.data === null || Array.isArray(event.data))) {
    throw new InvalidEventError(`event "${event.name}": \`data\` must be an object`);
  }
  return {
    ...event,
    id: typeof event.id === "string" && event.id ? event.id : internalId,
    name: event.name,
    data: event.data ?? {},
    ts: typeof event.ts === "number" ? event.ts : now,
  };
}

/**
 * Stores events and does everything they cause, in the caller's transaction: cancels runs
 * (cancelOn), resumes waits (waitForEvent), then starts runs of the functions they trigger.
 * Returns the stored ids in order.
 */
export async function ingestEvents(tx: Executor, ctx: EngineContext, incoming: IncomingEvent[], idSeed?: string): Promise<string[]> {
  const now = ctx.clock.now();
  const rows = incoming.map((event, index) => {
    const id = (idSeed && seededUlid(idSeed, index)) || ulid(now);
    return { id, externalId: typeof event?.id === "string" && event.id ? event.id : null, payload: toPayload(event, id, now) };
  });
  if (rows.length === 0) return [];
  const externalIds = rows.flatMap((row) => (row.externalId ? [row.externalId] : []));
  const seen = new Set<string>();
  if (externalIds.length) {
    const earlier = await tx
      .select({ externalId: engineEvents.externalId })
      .from(engineEvents)
      .where(and(inArray(engineEvents.externalId, externalIds), gt(engineEvents.receivedAt, new Date(now - dayMs))));
    for (const row of earlier) seen.add(row.externalId!);
  }
  const inserted = new Set(
    (
      await tx
        .insert(engineEvents)
        .values(rows.map((row) => ({ id: row.id, externalId: row.externalId, name: row.payload.name, payload: row.payload, receivedAt: new Date(now) })))
        .onConflictDoNothing()
        .returning({ id: engineEvents.id })
    ).map((row) => row.id),
  );
  const waits = await loadWaits(tx, [...new Set(rows.map((row) => row.payload.name))]);
  const batch = new RunBatch();
  for (const row of rows) {
    // A retried delivery of the same send (same seed) was handled the first time.
    if (!inserted.has(row.id)) continue;
    // Inngest's idempotency: an event id seen in the last 24 h is stored but triggers nothing.
    if (row.externalId) {
      if (seen.has(row.externalId)) {
        ctx.logger.info("event.duplicate", { eventId: row.id, name: row.payload.name });
        continue;
      }
      seen.add(row.externalId);
    }
    await cancelRuns(tx, ctx, row.payload, now);
    await resumeWaits(tx, ctx, waits.get(row.payload.name) ?? [], row.payload, now);
    for (const { fn, expressions } of ctx.registry.triggeredBy(row.payload.name)) {
      if (expressions.some((expression) => !expression || celMatches(expression, { event: row.payload }))) {
        await createRun(tx, ctx, fn, row.payload, row.id, now, batch);
      }
    }
  }
  await batch.flush(tx);
  ctx.logger.debug("events.received", { count: rows.length });
  return rows.map((row) => row.id);
}

async function cancelRuns(tx: Executor, ctx: EngineContext, event: EventPayload, now: number): Promise<void> {
  for (const { fn, cancel } of ctx.registry.cancellableBy(event.name)) {
    const runs = await tx
      .select({ id: engineRuns.id, event: engineRuns.event, createdAt: engineRuns.createdAt })
      .from(engineRuns)
      .where(and(eq(engineRuns.functionId, fn.id), inArray(engineRuns.status, activeStatuses), lte(engineRuns.createdAt, new Date(now))));
    for (const run of runs) {
      const deadline = resolveTimeString(cancel.timeout, run.createdAt.getTime());
      if (deadline !== undefined && cancel.timeout && now > deadline) continue;
      if (cancel.if && !celMatches(cancel.if, { event: run.event, async: event })) continue;
      const ended = await endRun(tx, run.id, now, { status: "cancelled" });
      if (!ended) continue;
      ctx.logger.info("run.cancelled", { runId: run.id, functionId: fn.id, byEvent: event.name });
      await ingestEvents(tx, ctx, [
        { name: "inngest/function.cancelled", data: { function_id: fn.id, run_id: run.id, event: run.event as EventPayload } },
      ]);
    }
  }
}

type Wait = { runId: string; hash: string; waitIf: string | null; runEvent: unknown; done?: boolean };

/** All open waits for these event names, oldest first, grouped by name: one query per intake. */
async function loadWaits(tx: Executor, names: string[]): Promise<Map<string, Wait[]>> {
  const rows = await tx
    .select({ runId: engineSteps.runId, hash: engineSteps.hash, waitEvent: engineSteps.waitEvent, waitIf: engineSteps.waitIf, runEvent: engineRuns.event })
    .from(engineSteps)
    .innerJoin(engineRuns, eq(engineRuns.id, engineSteps.runId))
    .where(and(eq(engineSteps.status, "waiting"), inArray(engineSteps.waitEvent, names)))
    .orderBy(asc(engineSteps.createdAt));
  const byName = new Map<string, Wait[]>();
  for (const row of rows) byName.set(row.waitEvent!, [...(byName.get(row.waitEvent!) ?? []), row]);
  return byName;
}

async function resumeWaits(tx: Executor, ctx: EngineContext, waits: Wait[], event: EventPayload, now: number): Promise<void> {
  for (const wait of waits) {
    if (wait.done || (wait.waitIf && !celMatches(wait.waitIf, { event: wait.runEvent, async: event }))) continue;
    wait.done = true;
    if (await resolvePendingStep(tx, wait.runId, wait.hash, { data: event }, now, ["waiting"])) {
      ctx.logger.info("wait.matched", { runId: wait.runId, step: wait.hash, event: event.name });
    }
  }
}

/** Runs of functions without limits are inserted together at the end of an intake. */
class RunBatch {
  runs: (typeof engineRuns.$inferInsert)[] = [];
  jobs: (typeof engineQueue.$inferInsert)[] = [];

  async flush(tx: Executor): Promise<void> {
    if (this.runs.length) await tx.insert(engineRuns).values(this.runs);
    if (this.jobs.length) await tx.insert(engineQueue).values(this.jobs);
    this.runs = [];
    this.jobs = [];
  }
}

function limitKey(expression: string | undefined, event: EventPayload): string {
  return expression ? (celKey(expression, { event }) ?? "") : "";
}

async function recentRuns(tx: Executor, fnId: string, column: "rateLimitKey" | "idempotencyKey", key: string, since: number) {
  const [row] = await tx
    .select({ n: count() })
    .from(engineRuns)
    .where(and(eq(engineRuns.functionId, fnId), eq(engineRuns[column], key), gt(engineRuns.createdAt, new Date(since))));
  return Number(row?.n ?? 0);
}

/** Starts a run of `fn` for `event` unless its rate limit or idempotency key says otherwise. */
export async function createRun(
  tx: Executor,
  ctx: EngineContext,
  fn: RegisteredFunction,
  event: EventPayload,
  eventId: string,
  now: number,
  batch?: RunBatch,
): Promise<string | undefined> {
  const { rateLimit, throttle, idempotency } = fn.config;
  const rateLimitKey = rateLimit ? limitKey(rateLimit.key, event) : null;
  if (rateLimit && (await recentRuns(tx, fn.id, "rateLimitKey", rateLimitKey!, now - periodMs(rateLimit.period)!)) >= rateLimit.limit) {
    ctx.logger.info("run.skipped", { functionId: fn.id, eventId, reason: "rateLimit" });
    return undefined;
  }
  const idempotencyKey = idempotency ? limitKey(idempotency, event) : null;
  if (idempotency && (await recentRuns(tx, fn.id, "idempotencyKey", idempotencyKey!, now - dayMs)) > 0) {
    ctx.logger.info("run.skipped", { functionId: fn.id, eventId, reason: "idempotency" });
    return undefined;
  }
  // Throttle delays instead of dropping: at most `limit` runs start in any `period`, in order.
  let scheduledAt = now;
  const throttleKey = throttle ? limitKey(throttle.key, event) : null;
  if (throttle) {
    const period = periodMs(throttle.period)!;
    const recent = await tx
      .select({ at: engineRuns.scheduledAt })
      .from(engineRuns)
      .where(and(eq(engineRuns.functionId, fn.id), eq(engineRuns.throttleKey, throttleKey!), gt(engineRuns.scheduledAt, new Date(now - period))))
      .orderBy(desc(engineRuns.scheduledAt))
      .limit(throttle.limit);
    if (recent.length >= throttle.limit) scheduledAt = Math.max(now, recent[recent.length - 1].at.getTime() + period);
  }
  const concurrency: ConcurrencySlot[] = fn.concurrency.map((option) => {
    const value = option.key ? (celKey(option.key, { event }) ?? "") : "";
    const scope = option.scope ?? "fn";
    return { key: scope === "fn" ? `fn:${fn.id}:${value}` : `${scope}:${option.key}:${value}`, limit: option.limit };
  });
  const runId = ulid(now);
  const slots = concurrency.length ? concurrency : null;
  const run = { id: runId, functionId: fn.id, eventId, event, status: "queued" as const, concurrency: slots, throttleKey, rateLimitKey, idempotencyKey };
  const target = batch ?? new RunBatch();
  target.runs.push({ ...run, createdAt: new Date(now), scheduledAt: new Date(scheduledAt) });
  target.jobs.push({ runId, target: "step", functionId: fn.id, dueAt: new Date(scheduledAt), concurrency: slots, createdAt: new Date(now) });
  // Limits count earlier runs, so a limited function's run must be visible to the next event at once.
  if (!batch || rateLimit || throttle || idempotency) await target.flush(tx);
  ctx.logger.info("run.created", { runId, functionId: fn.id, eventId, event: event.name });
  return runId;
}
