import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq, ne } from "drizzle-orm";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { connect } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { engineRuns, engineSteps } from "@/lib/db/schema/engine";
import { createEngine } from "@/inngest/dev-engine";
import { silentLogger } from "@/inngest/dev-engine/logger";

// A whole app in one process (serve() + engine + database) that the crash test kills with
// SIGKILL and starts again. Every step appends a line to ENGINE_CHILD_LOG, so executions survive
// the process; every 100 ms the process prints what its database says about the runs.

const env = process.env as Record<string, string | undefined>;
const log = (line: string) => fs.appendFileSync(env.ENGINE_CHILD_LOG!, `${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const handle = env.ENGINE_CHILD_DB_URL ? connect({ databaseUrl: env.ENGINE_CHILD_DB_URL }) : connect({ dataDir: env.ENGINE_CHILD_DATA_DIR });
  await runMigrations(handle.db, handle.kind);

  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const app = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const engine = createEngine({
    db: handle.db,
    serveUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`,
    signingKey: env.ENGINE_CHILD_SIGNING_KEY!,
    eventKey: "crash-test",
    logger: silentLogger,
    leaseMs: 1000,
    pollIntervalMs: 100,
  });
  await engine.listen(0);
  const client = new Inngest({
    id: "crash",
    isDev: false,
    signingKey: env.ENGINE_CHILD_SIGNING_KEY!,
    eventKey: "crash-test",
    baseUrl: engine.url,
    checkpointing: false,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
  const durable = client.createFunction({ id: "durable", triggers: [{ event: "test/durable" }] }, async ({ event, step }) => {
    const id = event.data.id as string;
    await step.run("a", () => log(`a:${id}`));
    await step.sleep("nap", "2s");
    await step.run("slow", async () => {
      log(`slow-start:${id}`);
      await pause(1500);
      log(`slow-end:${id}`);
    });
    await step.run("c", () => log(`c:${id}`));
  });
  handler = serve({ client, functions: [durable] }) as http.RequestListener;
  await engine.start();

  const runs = Number(env.ENGINE_CHILD_SEND ?? 0);
  if (runs > 0) await engine.sendEvents(Array.from({ length: runs }, (_, i) => ({ name: "test/durable", data: { id: `r${i}` } })));

  for (;;) {
    const [sleeping] = await handle.db.select({ n: count() }).from(engineSteps).where(eq(engineSteps.status, "sleeping"));
    const [open] = await handle.db.select({ n: count() }).from(engineRuns).where(ne(engineRuns.status, "completed"));
    const [all] = await handle.db.select({ n: count() }).from(engineRuns);
    process.stdout.write(`STATUS ${JSON.stringify({ sleeping: Number(sleeping.n), open: Number(open.n), runs: Number(all.n) })}\n`);
    if (env.ENGINE_CHILD_EXIT_WHEN_DONE && Number(all.n) > 0 && Number(open.n) === 0) break;
    await pause(100);
  }
  await engine.stop();
  app.closeAllConnections();
  app.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
