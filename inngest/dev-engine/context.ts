import type { Database } from "@/lib/db/client";
import type { Clock } from "./clock";
import type { EngineLogger } from "./logger";
import type { Registry } from "./registry";

/** What every part of the engine shares. */
export type EngineContext = {
  db: Database;
  clock: Clock;
  logger: EngineLogger;
  registry: Registry;
  /** This engine instance's name on the leases it takes. */
  owner: string;
  /** How long a claimed request stays ours without a heartbeat. */
  leaseMs: number;
  /** Jitter source for retry delays (injectable for exact tests). */
  random: () => number;
  /** How late a cron slot may still fire (see cron.ts). */
  cronGraceMs: number;
  /** Tells the scheduler that new work may be due. */
  wake: () => void;
  /** Tells the scheduler that a sleep or wait ending at `at` was stored. */
  noteTimer: (at: number) => void;
};
