import { and, asc, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import { engineCronMarks, engineEvents, engineSteps } from "@/lib/db/schema/engine";
import type { EngineContext } from "./context";
import { decideCron, nextSlot } from "./cron";
import { ulid } from "./ids";
import { createRun } from "./intake";
import { resolvePendingStep } from "./run-state";

const batchSize = 500;

/**
 * Ends sleeps and waits whose time has come (a timed-out wait resumes with null). The next end
 * time is cached, so a pass with nothing due costs no query; other engines' timers are noticed
 * through `note` (from the scheduler's look-ahead) or after `refreshMs` of wall time.
 */
export class StepTimers {
  /** Undefined: unknown, ask the database. */
  private dueAt: number | undefined;
  private checkedAt = -Infinity;
  private notes = 0;

  constructor(
    private readonly ctx: EngineContext,
    private readonly refreshMs: number,
  ) {}

  /** A sleep or wait that ends at `at` was stored. */
  note(at: number): void {
    this.notes++;
    if (this.dueAt !== undefined) this.dueAt = Math.min(this.dueAt, at);
  }

  async fire(): Promise<number> {
    const now = this.ctx.clock.now();
    if (this.dueAt !== undefined && this.dueAt > now && Date.now() - this.checkedAt < this.refreshMs) return 0;
    const notesBefore = this.notes;
    const pending = and(inArray(engineSteps.status, ["sleeping", "waiting"]), isNotNull(engineSteps.wakeAt));
    const due = await this.ctx.db
      .select({ runId: engineSteps.runId, hash: engineSteps.hash, status: engineSteps.status })
      .from(engineSteps)
      .where(and(pending, lte(engineSteps.wakeAt, new Date(now))))
      .orderBy(asc(engineSteps.wakeAt))
      .limit(batchSize);
    let fired = 0;
    for (const step of due) {
      const done = await this.ctx.db.transaction((tx) => resolvePendingStep(tx, step.runId, step.hash, { data: null }, now, ["sleeping", "waiting"]));
      if (done) {
        fired++;
        this.ctx.logger.debug(step.status === "sleeping" ? "sleep.ended" : "wait.timed_out", { runId: step.runId, step: step.hash });
      }
    }
    if (due.length === batchSize) this.dueAt = now;
    else {
      const [next] = await this.ctx.db
        .select({ at: engineSteps.wakeAt })
        .from(engineSteps)
        .where(and(pending, gt(engineSteps.wakeAt, new Date(now))))
        .orderBy(asc(engineSteps.wakeAt))
        .limit(1);
      this.dueAt = next?.at ? next.at.getTime() : Infinity;
    }
    // A timer stored while we looked may be missing from the answer: look again next pass.
    if (this.notes !== notesBefore) this.dueAt = undefined;
    this.checkedAt = Date.now();
    return fired;
  }
}

type Mark = { functionId: string; cron: string; lastSlot: number };

/**
 * Cron schedules. The mark (last settled slot) moves with a compare-and-set in the same
 * transaction that starts the run, so a slot fires once even with several engines or a crash.
 */
export class CronTimers {
  private marks: Mark[] = [];

  constructor(private readonly ctx: EngineContext) {}

  /** Reads the marks, first creating them (as "now") for schedules that have none. */
  async load(): Promise<void> {
    const now = new Date(this.ctx.clock.now());
    const schedules = this.ctx.registry.all().flatMap((fn) => fn.crons.map((cron) => ({ functionId: fn.id, cron })));
    if (schedules.length) {
      await this.ctx.db
        .insert(engineCronMarks)
        .values(schedules.map((schedule) => ({ ...schedule, lastSlot: now })))
        .onConflictDoNothing();
    }
    const rows = await this.ctx.db.select().from(engineCronMarks);
    const wanted = new Set(schedules.map((schedule) => `${schedule.functionId}\n${schedule.cron}`));
    this.marks = rows
      .filter((row) => wanted.has(`${row.functionId}\n${row.cron}`))
      .map((row) => ({ functionId: row.functionId, cron: row.cron, lastSlot: row.lastSlot.getTime() }));
  }

  nextDueAt(): number | undefined {
    const times = this.marks.map((mark) => nextSlot(mark.cron, mark.lastSlot));
    return times.length ? Math.min(...times) : undefined;
  }

  async fire(): Promise<number> {
    const now = this.ctx.clock.now();
    let fired = 0;
    for (const mark of this.marks) {
      const decision = decideCron(mark.cron, mark.lastSlot, now, this.ctx.cronGraceMs);
      if (!decision) continue;
      const fn = this.ctx.registry.get(mark.functionId);
      const won = await this.ctx.db.transaction(async (tx) => {
        const [moved] = await tx
          .update(engineCronMarks)
          .set({ lastSlot: new Date(decision.mark) })
          .where(and(eq(engineCronMarks.functionId, mark.functionId), eq(engineCronMarks.cron, mark.cron), lte(engineCronMarks.lastSlot, new Date(mark.lastSlot))))
          .returning({ lastSlot: engineCronMarks.lastSlot });
        if (!moved || decision.fire === undefined || !fn) return Boolean(moved);
        // Inngest sends the timer event to this function only, not to every listener of the name.
        const id = ulid(now);
        const payload = { id, name: "inngest/scheduled.timer", data: { cron: mark.cron }, ts: decision.fire };
        await tx.insert(engineEvents).values({ id, name: payload.name, payload, receivedAt: new Date(now) });
        await createRun(tx, this.ctx, fn, payload, id, now);
        return true;
      });
      if (!won) {
        // Another engine settled this slot first: take its mark.
        const [row] = await this.ctx.db
          .select({ lastSlot: engineCronMarks.lastSlot })
          .from(engineCronMarks)
          .where(and(eq(engineCronMarks.functionId, mark.functionId), eq(engineCronMarks.cron, mark.cron)));
        if (row) mark.lastSlot = row.lastSlot.getTime();
        continue;
      }
      mark.lastSlot = decision.mark;
      if (decision.fire !== undefined) fired++;
      if (decision.missed > 0) this.ctx.logger.warn("cron.missed", { functionId: mark.functionId, cron: mark.cron, missed: decision.missed });
    }
    return fired;
  }
}
