import type { EngineContext } from "./context";
import type { Job, Outcome, RunContext } from "./executor";
import { runStatement, type Statement } from "./sql-rows";
import type { StepState } from "./types";

// The two answers almost every request gets: "this step finished" (a single StepRun during
// discovery) and "the run finished" (200). Requests of many runs finish at about the same time,
// so their commits are grouped into one statement (group commit); anything unusual, or any item
// whose preconditions fail, goes through the general transaction in commit.ts instead.

type Item =
  | { kind: "step"; run_id: string; target: string; hash: string; step_id: string; name: string | null; result: StepState; expected: number; attempts: number }
  | { kind: "done"; run_id: string; target: string; output: unknown };

/** The fast-path item for an outcome, or undefined when the general path must handle it. */
export function fastItem(job: Job, context: RunContext, outcome: Outcome): Item | undefined {
  if (job.target !== "step") return undefined;
  if (outcome.kind === "completed") return { kind: "done", run_id: job.runId, target: job.target, output: outcome.output ?? null };
  if (outcome.kind !== "ops" || outcome.ops.length !== 1) return undefined;
  const [op] = outcome.ops;
  if (op.op !== "StepRun" || context.memo.has(op.id)) return undefined;
  return {
    kind: "step",
    run_id: job.runId,
    target: job.target,
    hash: op.id,
    step_id: op.displayName ?? op.userland?.id ?? op.name ?? op.id,
    name: op.name ?? null,
    result: { data: op.data ?? null },
    expected: context.resolvedCount,
    attempts: job.attempt + 1,
  };
}

/** $1 items, $2 lease owner, $3 now, $4 extended lease. */
const commitStatement: Statement = {
  name: "engine_commit_v1",
  types: ["jsonb", "text", "timestamptz", "timestamptz"],
  text: `with items as (
      select * from jsonb_to_recordset($1::jsonb) as x(
        kind text, run_id text, target text, hash text, step_id text, name text,
        result jsonb, expected int, attempts int, output jsonb)),
    ok as (
      select i.* from items i
      join engine_runs r on r.id = i.run_id
      join engine_queue q on q.run_id = i.run_id and q.target = i.target
      where r.status in ('queued', 'running') and q.lease_owner = $2
        and (i.kind = 'done' or (r.resolved_count = i.expected and not q.rerun
          and not exists (select 1 from engine_steps s where s.run_id = i.run_id and s.hash = i.hash)))
      for update of r, q),
    step_runs as (
      update engine_runs r set resolved_count = ok.expected + 1 from ok where ok.kind = 'step' and r.id = ok.run_id),
    step_rows as (
      insert into engine_steps (run_id, hash, step_id, op, name, status, attempts, result, position, created_at, ended_at)
      select run_id, hash, step_id, 'StepRun', name, 'completed', attempts, result, expected, $3::timestamptz, $3::timestamptz
      from ok where kind = 'step'),
    step_jobs as (
      update engine_queue q set attempt = 0, due_at = $3::timestamptz, lease_until = $4::timestamptz
      from ok where ok.kind = 'step' and q.run_id = ok.run_id and q.target = ok.target),
    done_runs as (
      update engine_runs r set status = 'completed', output = ok.output, ended_at = $3::timestamptz
      from ok where ok.kind = 'done' and r.id = ok.run_id),
    done_jobs as (
      delete from engine_queue q using ok where ok.kind = 'done' and q.run_id = ok.run_id),
    done_steps as (
      update engine_steps s set status = 'cancelled', ended_at = $3::timestamptz
      from ok where ok.kind = 'done' and s.run_id = ok.run_id and s.status in ('planned', 'sleeping', 'waiting'))
    select run_id from ok`,
};

/**
 * Group commit: an item waits until every request in flight is waiting for its commit too, or
 * at most `maxWaitMs`, so that one statement carries as many runs as possible.
 */
export class CommitBatcher {
  private pending: { item: Item; resolve: (applied: boolean) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: EngineContext,
    /** How many requests are in flight in this engine. */
    private readonly busy: () => number,
    private readonly maxWaitMs = 2,
  ) {}

  /** Resolves true once the item is committed, false when the general path must take it. */
  submit(item: Item): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.pending.length === 0) return;
    if (this.pending.length >= this.busy()) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.maxWaitMs);
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    const batch = this.pending.splice(0);
    try {
      const applied = new Set(await this.apply(batch.map((entry) => entry.item)));
      for (const entry of batch) entry.resolve(applied.has(entry.item.run_id));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /** One statement for the whole batch; returns the runs whose item was applied. */
  private async apply(items: Item[]): Promise<string[]> {
    const now = new Date(this.ctx.clock.now()).toISOString();
    const leaseUntil = new Date(this.ctx.clock.now() + this.ctx.leaseMs).toISOString();
    const rows = await runStatement<{ run_id: string }>(this.ctx.db, commitStatement, [JSON.stringify(items), this.ctx.owner, now, leaseUntil]);
    return rows.map((row) => row.run_id);
  }
}
