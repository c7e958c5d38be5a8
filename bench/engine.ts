import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { eq, count } from "drizzle-orm";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { connect } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { engineRuns } from "@/lib/db/schema/engine";
import { createEngine } from "@/inngest/dev-engine";
import { createAppClient } from "@/inngest/dev-engine/app-client";
import { callApp, type RunContext } from "@/inngest/dev-engine/executor";
import { silentLogger } from "@/inngest/dev-engine/logger";
import { toRegistered } from "@/inngest/dev-engine/registry";
import type { FunctionConfig, StepState } from "@/inngest/dev-engine/types";

// 1,000 runs of a 3-step function through the engine, against the same requests posted straight
// to serve() with the memoised state kept in memory (no database, no scheduling). Both sides use
// the same concurrency, signing and HTTP client, so the ratio is the engine's own overhead.

const runs = Number(process.env.BENCH_RUNS ?? 1000);
const rounds = 5;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const signingKey = `signkey-bench-${crypto.randomBytes(32).toString("hex")}`;
const eventKey = "bench-event-key";

async function openDatabase() {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = connect({});
    await runMigrations(handle.db, "pglite");
    return { db: handle.db, kind: "PGlite (in memory)", close: handle.close };
  }
  const name = `engine_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = connect({ databaseUrl: url.toString(), maxConnections: concurrency + 2 });
  await runMigrations(handle.db, "postgres");
  return {
    db: handle.db,
    kind: "PostgreSQL",
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function main() {
  const database = await openDatabase();
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const app = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const serveUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

  const engine = createEngine({ db: database.db, serveUrl, signingKey, eventKey, logger: silentLogger, maxConcurrency: concurrency });
  await engine.listen(0);
  const client = new Inngest({
    id: "bench",
    isDev: false,
    signingKey,
    eventKey,
    baseUrl: engine.url,
    checkpointing: false,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
  const threeSteps = client.createFunction({ id: "three-steps", triggers: [{ event: "bench/run" }] }, async ({ event, step }) => {
    const a = await step.run("a", () => ({ n: event.data.n as number }));
    const b = await step.run("b", () => ({ n: a.n + 1 }));
    return step.run("c", () => b.n * 2);
  });
  handler = serve({ client, functions: [threeSteps] }) as http.RequestListener;
  await engine.start();

  // The raw side: the engine's request code, with the memo kept in a Map instead of the database.
  const appClient = createAppClient({ signingKey, fetch, timeoutMs: 60_000 });
  const fn = toRegistered({
    id: "bench-three-steps",
    triggers: [{ event: "bench/run" }],
    steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${serveUrl}?fnId=bench-three-steps&stepId=step` } } },
  } as FunctionConfig);
  const rawRun = async (n: number) => {
    const context: RunContext = {
      runId: `raw-${n}`,
      fn,
      event: { id: `e-${n}`, name: "bench/run", data: { n }, ts: Date.now() },
      memo: new Map<string, StepState>(),
      resolvedCount: 0,
      disableImmediate: false,
    };
    for (let calls = 0; calls < 10; calls++) {
      const outcome = await callApp(appClient, context, { runId: context.runId, target: "step", attempt: 0, concurrency: null });
      if (outcome.kind === "completed") return outcome.output;
      if (outcome.kind !== "ops") throw new Error(`raw run failed: ${JSON.stringify(outcome)}`);
      for (const op of outcome.ops) context.memo.set(op.id, { data: op.data ?? null });
    }
    throw new Error("raw run did not finish");
  };
  const rawPhase = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await rawRun(next++);
      }),
    );
  };
  const enginePhase = async (count: number) => {
    for (let sent = 0; sent < count; sent += 100) {
      await engine.sendEvents(Array.from({ length: Math.min(100, count - sent) }, (_, i) => ({ name: "bench/run", data: { n: sent + i } })));
    }
    await engine.runUntilIdle();
  };

  // Warm both paths (JIT, connection pools) before measuring.
  await rawPhase(50);
  await enginePhase(50);

  // Interleaved rounds, alternating which side goes first, so drift in machine load hits both.
  let rawMs = 0;
  let engineMs = 0;
  for (let round = 0; round < rounds; round++) {
    const size = Math.round(runs / rounds);
    const timeOf = async (phase: (count: number) => Promise<void>) => {
      const started = performance.now();
      await phase(size);
      return performance.now() - started;
    };
    if (round % 2 === 0) {
      rawMs += await timeOf(rawPhase);
      engineMs += await timeOf(enginePhase);
    } else {
      engineMs += await timeOf(enginePhase);
      rawMs += await timeOf(rawPhase);
    }
  }

  const [done] = await database.db.select({ n: count() }).from(engineRuns).where(eq(engineRuns.status, "completed"));
  if (Number(done.n) !== Math.round(runs / rounds) * rounds + 50) throw new Error(`not every run completed: ${done.n}`);

  await engine.stop();
  app.closeAllConnections();
  app.close();
  await database.close();

  console.log(`database: ${database.kind}; ${runs} runs of a 3-step function (4 requests each), concurrency ${concurrency}, ${rounds} interleaved rounds`);
  console.log(`raw serve() calls: ${rawMs.toFixed(0)} ms (${((runs * 4) / (rawMs / 1000)).toFixed(0)} requests/s)`);
  console.log(`engine:            ${engineMs.toFixed(0)} ms (${((runs * 4) / (engineMs / 1000)).toFixed(0)} requests/s)`);
  console.log(`RESULT engine_overhead=${(engineMs / rawMs).toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
