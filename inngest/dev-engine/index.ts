import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/client";
import { createAppClient } from "./app-client";
import { type Clock, SystemClock } from "./clock";
import type { EngineContext } from "./context";
import { ingestEvents, InvalidEventError } from "./intake";
import { createJsonLogger, type EngineLogger } from "./logger";
import { releaseLeases } from "./queue";
import { Registry } from "./registry";
import { Scheduler } from "./scheduler";
import { createEngineServer } from "./server";
import { loadFunctions, storeFunctions, syncApp, type SyncReport } from "./sync";
import type { FunctionConfig, IncomingEvent } from "./types";

export type EngineOptions = {
  db: Database;
  /** The app's serve() endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  signingKey: string;
  eventKey: string;
  clock?: Clock;
  fetch?: typeof fetch;
  logger?: EngineLogger;
  /** Longest pause between looks at the database when nothing wakes the scheduler. */
  pollIntervalMs?: number;
  /** Requests in flight at once (per engine). */
  maxConcurrency?: number;
  /** How long a claimed request stays ours; a crashed engine's requests are retried after it. */
  leaseMs?: number;
  requestTimeoutMs?: number;
  /** How late a cron slot may still fire after downtime; older slots are dropped, not backfilled. */
  cronGraceMs?: number;
  /** Jitter source for retry delays. */
  random?: () => number;
};

export type Engine = {
  /** The base URL for the SDK client (`baseUrl`), known once listening. */
  readonly url: string;
  readonly clock: Clock;
  listen(port?: number, host?: string): Promise<string>;
  /** Loads stored functions, starts the scheduler and syncs; resolves after the first successful sync. */
  start(): Promise<SyncReport>;
  sync(): Promise<SyncReport>;
  stop(): Promise<void>;
  sendEvents(events: IncomingEvent | IncomingEvent[]): Promise<string[]>;
  /** Runs everything due at the current time, until nothing is left in flight. */
  runUntilIdle(): Promise<void>;
  /** ManualClock only: moves time forward, running everything that falls due on the way. */
  advanceClock(ms: number): Promise<void>;
};

export function createEngine(options: EngineOptions): Engine {
  const logger = options.logger ?? createJsonLogger();
  const ctx: EngineContext = {
    db: options.db,
    clock: options.clock ?? new SystemClock(),
    logger,
    registry: new Registry(),
    owner: `engine-${crypto.randomBytes(6).toString("hex")}`,
    leaseMs: options.leaseMs ?? 30_000,
    random: options.random ?? Math.random,
    cronGraceMs: options.cronGraceMs ?? 60_000,
    wake: () => scheduler.wake(),
    noteTimer: (at) => scheduler.timers.note(at),
  };
  const app = createAppClient({ signingKey: options.signingKey, fetch: options.fetch ?? fetch, timeoutMs: options.requestTimeoutMs ?? 5 * 60_000 });
  const scheduler = new Scheduler(ctx, app, { maxConcurrency: options.maxConcurrency ?? 10, pollIntervalMs: options.pollIntervalMs ?? 1000 });
  let url: string | undefined;
  let stopped = false;
  let started: Promise<SyncReport> | undefined;
  /** What the last out-of-band sync (the SDK posting to /fn/register) stored. */
  let registered: SyncReport | undefined;

  const receiveEvents = async (events: IncomingEvent[], idSeed?: string) => {
    const ids = await ctx.db.transaction((tx) => ingestEvents(tx, ctx, events, idSeed));
    scheduler.wake();
    return ids;
  };
  const afterSync = async (report: SyncReport) => {
    await scheduler.crons.load();
    scheduler.executing = true;
    scheduler.wake();
    return report;
  };
  const sync = async () => {
    registered = undefined;
    const report = (await syncApp(ctx, app, options.serveUrl)) ?? registered;
    if (!report) throw new Error("sync: the app answered out of band but never posted its functions to /fn/register");
    return afterSync(report);
  };
  const server = createEngineServer({
    eventKey: options.eventKey,
    signingKey: options.signingKey,
    logger,
    receiveEvents,
    register: async (body) => {
      registered = await storeFunctions(ctx, body.appName ?? "app", (body.functions ?? []) as FunctionConfig[]);
    },
    isBadInput: (error) => error instanceof InvalidEventError,
  });

  /** The app may not accept requests yet (Next.js runs instrumentation before it listens). */
  const syncWithRetry = async (): Promise<SyncReport> => {
    for (let delay = 250; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        return await sync();
      } catch (error) {
        if (stopped) throw error;
        logger.warn("sync.retrying", { error: error instanceof Error ? error.message : String(error), retryInMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  return {
    get url() {
      if (!url) throw new Error("the engine is not listening yet: call listen() first");
      return url;
    },
    clock: ctx.clock,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}/`;
          logger.info("engine.listening", { url });
          resolve(url);
        });
      });
    },
    start() {
      started ??= (async () => {
        await loadFunctions(ctx);
        await scheduler.crons.load();
        scheduler.start();
        return syncWithRetry();
      })();
      return started;
    },
    sync,
    async stop() {
      stopped = true;
      await scheduler.stop();
      await releaseLeases(ctx);
      if (server.listening) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      }
    },
    sendEvents: (events) => receiveEvents(Array.isArray(events) ? events : [events]),
    runUntilIdle: () => scheduler.runUntilIdle(),
    advanceClock: (ms) => scheduler.advance(ms),
  };
}

const globalForEngine = globalThis as unknown as { __icraInngestEngine?: Promise<Engine> };

/**
 * Starts the engine once per process: Next.js may evaluate instrumentation more than once (dev,
 * hot reload). Listens on loopback only; syncing continues in the background until the app answers.
 */
export function startEmbeddedEngineOnce(options: EngineOptions & { port?: number; host?: string }): Promise<Engine> {
  globalForEngine.__icraInngestEngine ??= (async () => {
    const engine = createEngine(options);
    await engine.listen(options.port ?? 8288, options.host ?? "127.0.0.1");
    engine.start().catch((error) => (options.logger ?? createJsonLogger()).error("engine.start_failed", { error: String(error) }));
    return engine;
  })();
  return globalForEngine.__icraInngestEngine;
}

/** The engine started by startEmbeddedEngineOnce in this process, if any (for test routes). */
export function getEmbeddedEngine(): Promise<Engine> | undefined {
  return globalForEngine.__icraInngestEngine;
}

