import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import type { Database } from "@/lib/db/client";
import type { Clock } from "@/inngest/dev-engine/clock";
import { createEngine, type Engine, type EngineOptions } from "@/inngest/dev-engine";
import { silentLogger } from "@/inngest/dev-engine/logger";

export const testSigningKey = `signkey-test-${crypto.randomBytes(32).toString("hex")}`;
export const testEventKey = "engine-test-event-key";

const quietSdkLogger = { info() {}, warn() {}, error() {}, debug() {} };

export type EngineHarness = {
  engine: Engine;
  client: Inngest;
  serveUrl: string;
  /** Stops the engine and the app server; the database stays open for a restart. */
  close(): Promise<void>;
};

/**
 * The real SDK's serve() handler in a local HTTP server (port 0), a test Inngest client in cloud
 * mode pointed at a fresh engine, and that engine, started and synced.
 */
export async function startEngineHarness(options: {
  db: Database;
  functions: (client: Inngest) => InngestFunction.Any[];
  clock?: Clock;
  engine?: Partial<EngineOptions>;
}): Promise<EngineHarness> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const app = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const serveUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

  const engine = createEngine({
    db: options.db,
    serveUrl,
    signingKey: testSigningKey,
    eventKey: testEventKey,
    clock: options.clock,
    logger: silentLogger,
    ...options.engine,
  });
  await engine.listen(0);
  const client = new Inngest({
    id: "engine-test",
    isDev: false,
    signingKey: testSigningKey,
    eventKey: testEventKey,
    baseUrl: engine.url,
    checkpointing: false,
    logger: quietSdkLogger,
  });
  handler = serve({ client, functions: options.functions(client) }) as http.RequestListener;
  await engine.start();
  return {
    engine,
    client,
    serveUrl,
    async close() {
      await engine.stop();
      const closed = new Promise<void>((resolve) => app.close(() => resolve()));
      app.closeAllConnections();
      await closed;
    },
  };
}
