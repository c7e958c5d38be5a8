import type { AppClient } from "./app-client";
import { ManualClock } from "./clock";
import type { EngineContext } from "./context";
import { CommitBatcher } from "./fast-commit";
import { claimJobs, nextDueAt } from "./queue";
import { runJob } from "./runner";
import { CronTimers, StepTimers } from "./timers";

/**
 * Finds due work (cron slots, ended sleeps and waits, queued requests) and runs it with up to
 * `maxConcurrency` requests in flight. Waits on the clock until the next due time, or until woken.
 */
export class Scheduler {
  readonly crons: CronTimers;
  readonly timers: StepTimers;
  private readonly commits: CommitBatcher;
  private inFlight = new Set<Promise<void>>();
  private pumping: Promise<unknown> = Promise.resolve();
  private running = false;
  private loopDone: Promise<void> | undefined;
  private wakeController = new AbortController();
  /** Requests are sent only after the first successful sync: before it the app may not be up. */
  executing = false;

  constructor(
    private readonly ctx: EngineContext,
    private readonly app: AppClient,
    private readonly options: { maxConcurrency: number; pollIntervalMs: number },
  ) {
    this.crons = new CronTimers(ctx);
    this.timers = new StepTimers(ctx, options.pollIntervalMs);
    this.commits = new CommitBatcher(ctx, () => this.inFlight.size);
  }

  wake(): void {
    this.wakeController.abort();
  }

  /**
   * One pass over everything due; returns how much it started or fired. Passes never overlap, so
   * whoever sees "nothing due, nothing in flight" after its pass is not racing a claim in progress.
   */
  pump(): Promise<number> {
    const pass = this.pumping.then(() => this.pass());
    this.pumping = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<number> {
    let work = (await this.crons.fire()) + (await this.timers.fire());
    if (this.executing) {
      const jobs = await claimJobs(this.ctx, this.options.maxConcurrency - this.inFlight.size);
      for (const job of jobs) {
        const task = runJob(this.ctx, this.app, this.commits, job)
          .catch((error) => this.ctx.logger.error("job.crashed", { runId: job.runId, target: job.target, error: String(error) }))
          .finally(() => {
            this.inFlight.delete(task);
            this.wake();
          });
        this.inFlight.add(task);
      }
      work += jobs.length;
    }
    return work;
  }

  /** Runs until nothing is due at the current time and nothing is in flight. */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      const work = await this.pump();
      if (work === 0 && this.inFlight.size === 0) return;
      if (work === 0) await Promise.race(this.inFlight);
    }
  }

  /** The earliest time after `after` at which something becomes due, including cron slots. */
  async nextDueAfter(after: number): Promise<number | undefined> {
    const due = await nextDueAt(this.ctx.db, after);
    if (due.timer !== undefined) this.timers.note(due.timer);
    const times = [due.job, due.timer, this.crons.nextDueAt()].filter((time) => time !== undefined && time > after);
    return times.length ? Math.min(...(times as number[])) : undefined;
  }

  /**
   * Moves a ManualClock forward by `ms`, stopping at every due time on the way and running what
   * is due there, as if that much time had passed: a 3-day sleep ends, a per-minute cron fires
   * once per minute.
   */
  async advance(ms: number): Promise<void> {
    const clock = this.ctx.clock;
    if (!(clock instanceof ManualClock)) throw new Error("advanceClock needs the engine to run on a ManualClock");
    const target = clock.now() + ms;
    await this.runUntilIdle();
    for (;;) {
      const next = await this.nextDueAfter(clock.now());
      if (next === undefined || next > target) break;
      clock.set(next);
      await this.runUntilIdle();
    }
    clock.set(target);
    await this.runUntilIdle();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      // A wake() during the pass aborts this controller, so the wait below returns at once.
      this.wakeController = new AbortController();
      let until = this.ctx.clock.now() + this.options.pollIntervalMs;
      try {
        const work = await this.pump();
        // While every slot is busy, the next finished request wakes the loop: no need to look ahead.
        const full = this.inFlight.size >= this.options.maxConcurrency;
        if (work > 0 && !full) continue;
        const next = full ? undefined : await this.nextDueAfter(this.ctx.clock.now());
        if (next !== undefined) until = Math.min(until, next);
      } catch (error) {
        this.ctx.logger.error("scheduler.error", { error: String(error) });
      }
      if (!this.running) break;
      // Due requests held back by a concurrency limit are retried when a request ends (wake).
      await this.ctx.clock.waitUntil(until, this.wakeController.signal);
    }
  }

  /** Stops taking work and waits for requests in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }
}
