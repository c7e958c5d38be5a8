import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { engineQueue, engineRuns, engineSteps, type EngineRunStatus, type EngineStepStatus } from "@/lib/db/schema/engine";
import type { EventPayload, SerializedError } from "./types";

// Read side for the admin page: what ran, what is waiting and why something failed.

export type RunSummary = {
  id: string;
  functionId: string;
  status: EngineRunStatus;
  event: { id: string; name: string };
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** When the run next does something on its own: a queued request, a retry, a sleep or wait ending. */
  nextWakeAt: Date | null;
  /** 0-based attempt of the request the run is waiting to send, when one is queued. */
  currentAttempt: number | null;
  /** Errors the app reported over the whole run: failed step attempts and failed function attempts. */
  failures: number;
  lastError: SerializedError | null;
};

export type StepView = {
  hash: string;
  stepId: string;
  op: string;
  status: EngineStepStatus;
  attempts: number;
  /** The memoised value, for steps that completed. */
  result: unknown;
  /** The final error of a failed step, else the last failed attempt's error. */
  error: SerializedError | null;
  wakeAt: Date | null;
  waitEvent: string | null;
  createdAt: Date;
  endedAt: Date | null;
};

const summaryColumns = {
  id: engineRuns.id,
  functionId: engineRuns.functionId,
  status: engineRuns.status,
  event: engineRuns.event,
  createdAt: engineRuns.createdAt,
  startedAt: engineRuns.startedAt,
  endedAt: engineRuns.endedAt,
  failures: engineRuns.failures,
  lastError: engineRuns.lastError,
  nextJobMs: sql<number | null>`(select (extract(epoch from min(${engineQueue.dueAt})) * 1000)::float8
    from ${engineQueue} where ${engineQueue.runId} = ${engineRuns.id})`,
  nextTimerMs: sql<number | null>`(select (extract(epoch from min(${engineSteps.wakeAt})) * 1000)::float8
    from ${engineSteps} where ${engineSteps.runId} = ${engineRuns.id} and ${engineSteps.status} in ('sleeping','waiting'))`,
  currentAttempt: sql<number | null>`(select max(${engineQueue.attempt}) from ${engineQueue} where ${engineQueue.runId} = ${engineRuns.id})`,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };

function toSummary(row: SummaryRow): RunSummary {
  const event = row.event as EventPayload;
  const wakes = [row.nextJobMs, row.nextTimerMs].filter((value) => value !== null && value !== undefined).map(Number);
  return {
    id: row.id as string,
    functionId: row.functionId as string,
    status: row.status as EngineRunStatus,
    event: { id: event.id, name: event.name },
    createdAt: row.createdAt as Date,
    startedAt: row.startedAt as Date | null,
    endedAt: row.endedAt as Date | null,
    nextWakeAt: wakes.length ? new Date(Math.min(...wakes)) : null,
    currentAttempt: row.currentAttempt === null ? null : Number(row.currentAttempt),
    failures: row.failures as number,
    lastError: (row.lastError as SerializedError | null) ?? null,
  };
}

function encodeCursor(run: RunSummary): string {
  return Buffer.from(`${run.createdAt.toISOString()}|${run.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!id || Number.isNaN(Date.parse(createdAt))) throw new Error("invalid cursor");
  return { createdAt: new Date(createdAt), id };
}

/** Newest runs first, `limit` per page; pass the returned `nextCursor` for the next page. */
export async function listRuns(params: {
  db: Executor;
  limit?: number;
  cursor?: string;
  status?: EngineRunStatus;
  functionId?: string;
}): Promise<{ runs: RunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 500);
  const after = params.cursor ? decodeCursor(params.cursor) : undefined;
  const rows = await params.db
    .select(summaryColumns)
    .from(engineRuns)
    .where(
      and(
        params.status ? eq(engineRuns.status, params.status) : undefined,
        params.functionId ? eq(engineRuns.functionId, params.functionId) : undefined,
        after
          ? or(lt(engineRuns.createdAt, after.createdAt), and(eq(engineRuns.createdAt, after.createdAt), lt(engineRuns.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(engineRuns.createdAt), desc(engineRuns.id))
    .limit(limit + 1);
  const runs = rows.slice(0, limit).map(toSummary);
  return { runs, nextCursor: rows.length > limit ? encodeCursor(runs[runs.length - 1]) : null };
}

/** One run with its steps in the order they were found; undefined when there is no such run. */
export async function getRun(params: { db: Executor; runId: string }): Promise<(RunSummary & { output: unknown; steps: StepView[] }) | undefined> {
  const [row] = await params.db
    .select({ ...summaryColumns, output: engineRuns.output })
    .from(engineRuns)
    .where(eq(engineRuns.id, params.runId));
  if (!row) return undefined;
  const steps = await params.db
    .select()
    .from(engineSteps)
    .where(eq(engineSteps.runId, params.runId))
    .orderBy(asc(engineSteps.createdAt), asc(sql`coalesce(${engineSteps.position}, 2147483647)`));
  return {
    ...toSummary(row),
    output: row.output,
    steps: steps.map((step) => {
      const result = step.result as { data?: unknown; error?: SerializedError } | null;
      return {
        hash: step.hash,
        stepId: step.stepId,
        op: step.op,
        status: step.status,
        attempts: step.attempts,
        result: result && "data" in result ? result.data : null,
        error: result?.error ?? (step.lastError as SerializedError | null) ?? null,
        wakeAt: step.wakeAt,
        waitEvent: step.waitEvent,
        createdAt: step.createdAt,
        endedAt: step.endedAt,
      };
    }),
  };
}
