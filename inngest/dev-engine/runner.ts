import type { AppClient } from "./app-client";
import { deleteJob, failRun } from "./attempts";
import { commitOutcome } from "./commit";
import { type CommitBatcher, fastItem } from "./fast-commit";
import type { CommitResult } from "./ops";
import type { EngineContext } from "./context";
import { callApp, type Job, type RunContext } from "./executor";
import { extendLease, loadRunContext } from "./queue";

/** Requests in a row that resolve nothing before the engine gives up on a run (a protocol mismatch). */
const maxIdleRounds = 10;

/**
 * Drives one claimed request and, while the app keeps answering with finished steps, the run's
 * next requests too, without going back through the queue: no polling pause between steps.
 */
export async function runJob(ctx: EngineContext, app: AppClient, commits: CommitBatcher, first: Job): Promise<void> {
  let job: Job | undefined = first;
  let loaded = await loadRunContext(ctx, first);
  let idleRounds = 0;
  while (job) {
    const current: Job = job;
    if (loaded === "ended") {
      await ctx.db.transaction((tx) => deleteJob(tx, current));
      return;
    }
    if ("missing" in loaded) {
      const error = { name: "EngineFunctionMissing", message: `the app no longer serves function "${loaded.missing}"` };
      await ctx.db.transaction((tx) => failRun(tx, ctx, current.runId, error, ctx.clock.now()));
      return;
    }
    const context: RunContext = loaded;
    const heartbeat = setInterval(() => {
      extendLease(ctx, current).catch((error) => ctx.logger.warn("lease.extend_failed", { runId: current.runId, error: String(error) }));
    }, Math.max(250, ctx.leaseMs / 3));
    let outcome;
    try {
      outcome = await callApp(app, context, current);
    } finally {
      clearInterval(heartbeat);
    }
    const before = context.resolvedCount;
    const fast = fastItem(current, context, outcome);
    let result: CommitResult;
    if (fast && (await commits.submit(fast))) {
      if (fast.kind === "done") ctx.logger.info("run.completed", { runId: current.runId, functionId: context.fn.id });
      else {
        context.memo.set(fast.hash, fast.result);
        context.resolvedCount++;
      }
      result = { next: fast.kind === "step" ? { ...current, attempt: 0 } : undefined, reload: false };
    } else {
      result = await ctx.db.transaction((tx) => commitOutcome(tx, ctx, current, context, outcome));
    }
    idleRounds = context.resolvedCount > before ? 0 : idleRounds + 1;
    job = result.next;
    if (job && idleRounds >= maxIdleRounds) {
      const error = { name: "EngineProtocolError", message: "the app keeps reporting steps the engine already resolved" };
      await ctx.db.transaction((tx) => failRun(tx, ctx, current.runId, error, ctx.clock.now()));
      return;
    }
    if (job && result.reload) loaded = await loadRunContext(ctx, { ...job, run: undefined });
  }
}
