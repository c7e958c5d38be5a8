import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// State of the embedded Inngest-protocol engine (inngest/dev-engine). Every timestamp comes from
// the engine's clock, never from the database's now(), so tests can fast-forward time.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Function configs as the app's serve() endpoint reported them at the last sync. */
export const engineFunctions = pgTable("engine_functions", {
  id: text("id").primaryKey(),
  appId: text("app_id").notNull(),
  name: text("name").notNull(),
  /** The serve URL with `fnId` and `stepId=step`, as the SDK wrote it. */
  url: text("url").notNull(),
  config: jsonb("config").notNull(),
  syncedAt: at("synced_at").notNull(),
});

export const engineEvents = pgTable(
  "engine_events",
  {
    id: text("id").primaryKey(),
    /** The sender's own `id`: Inngest triggers functions only for its first occurrence in 24 h. */
    externalId: text("external_id"),
    name: text("name").notNull(),
    /** The event exactly as functions receive it ({ id, name, data, ts, … }). */
    payload: jsonb("payload").notNull(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [
    index("engine_events_external_id_idx").on(t.externalId, t.receivedAt).where(sql`${t.externalId} is not null`),
    index("engine_events_received_idx").on(t.receivedAt.desc()),
  ],
);

export const engineRunStatuses = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type EngineRunStatus = (typeof engineRunStatuses)[number];

export const engineRuns = pgTable(
  "engine_runs",
  {
    id: text("id").primaryKey(),
    functionId: text("function_id").notNull(),
    eventId: text("event_id").notNull(),
    /** A copy of the triggering event: a run must survive even if old events are pruned. */
    event: jsonb("event").notNull(),
    status: text("status", { enum: engineRunStatuses }).notNull(),
    /** Set once the SDK reported parallel steps; Inngest then never lets it run steps early again. */
    disableImmediate: boolean("disable_immediate").notNull().default(false),
    /** How many steps have resolved: gives each resolved step its place in the SDK's stack. */
    resolvedCount: integer("resolved_count").notNull().default(0),
    /** [{ key, limit }] partitions of the function's concurrency limits this run counts against. */
    concurrency: jsonb("concurrency"),
    throttleKey: text("throttle_key"),
    rateLimitKey: text("rate_limit_key"),
    idempotencyKey: text("idempotency_key"),
    failures: integer("failures").notNull().default(0),
    lastError: jsonb("last_error"),
    output: jsonb("output"),
    createdAt: at("created_at").notNull(),
    /** When the first request may be sent (later than createdAt when throttled). */
    scheduledAt: at("scheduled_at").notNull(),
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
  },
  (t) => [
    index("engine_runs_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("engine_runs_active_idx").on(t.functionId, t.status).where(sql`${t.status} in ('queued','running')`),
    index("engine_runs_throttle_idx").on(t.functionId, t.throttleKey, t.scheduledAt).where(sql`${t.throttleKey} is not null`),
    index("engine_runs_rate_limit_idx").on(t.functionId, t.rateLimitKey, t.createdAt).where(sql`${t.rateLimitKey} is not null`),
    index("engine_runs_idempotency_idx").on(t.functionId, t.idempotencyKey, t.createdAt).where(sql`${t.idempotencyKey} is not null`),
  ],
);

export const engineStepStatuses = ["planned", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;
export type EngineStepStatus = (typeof engineStepStatuses)[number];

/** One row per step the SDK reported; `result` is the memoised { data } or { error }. */
export const engineSteps = pgTable(
  "engine_steps",
  {
    runId: text("run_id").notNull(),
    /** SHA-1 of the step id, the SDK's key for memoised state. */
    hash: text("hash").notNull(),
    stepId: text("step_id").notNull(),
    op: text("op").notNull(),
    name: text("name"),
    status: text("status", { enum: engineStepStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    result: jsonb("result"),
    lastError: jsonb("last_error"),
    /** End of a sleep, or the timeout of a wait. */
    wakeAt: at("wake_at"),
    waitEvent: text("wait_event"),
    waitIf: text("wait_if"),
    /** Part of a `group.parallel({ mode: "race" })`: its result resumes the run at once. */
    race: boolean("race").notNull().default(false),
    position: integer("position"),
    createdAt: at("created_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.hash] }),
    index("engine_steps_timers_idx").on(t.wakeAt).where(sql`${t.status} in ('sleeping','waiting')`),
    index("engine_steps_waits_idx").on(t.waitEvent).where(sql`${t.status} = 'waiting'`),
  ],
);

/**
 * Requests to send to the app: `target` is "step" (discover and run what comes next) or a step
 * hash (run that planned step). A lease claims a job, so two loops never send the same request.
 */
export const engineQueue = pgTable(
  "engine_queue",
  {
    runId: text("run_id").notNull(),
    target: text("target").notNull(),
    functionId: text("function_id").notNull(),
    attempt: integer("attempt").notNull().default(0),
    dueAt: at("due_at").notNull(),
    leaseUntil: at("lease_until"),
    leaseOwner: text("lease_owner"),
    concurrency: jsonb("concurrency"),
    /** Something resolved while this discovery request was in flight: discover again after it. */
    rerun: boolean("rerun").notNull().default(false),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.target] }), index("engine_queue_due_idx").on(t.dueAt)],
);

/** The last cron slot fired per function and schedule: a slot fires once, across restarts. */
export const engineCronMarks = pgTable(
  "engine_cron_marks",
  {
    functionId: text("function_id").notNull(),
    cron: text("cron").notNull(),
    lastSlot: at("last_slot").notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.cron] })],
);

export type EngineRunRow = typeof engineRuns.$inferSelect;
export type EngineStepRow = typeof engineSteps.$inferSelect;
export type EngineQueueRow = typeof engineQueue.$inferSelect;
