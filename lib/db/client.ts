import path from "node:path";
import fs from "node:fs";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import * as schema from "./schema";
import { getEnv } from "../env";

export type Schema = typeof schema;
/** Both drivers share the pg-core query builder; code depends only on this type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A function that accepts the database or an open transaction. */
export type Executor = Database | Transaction;

type Handle = { db: Database; close: () => Promise<void>; kind: "postgres" | "pglite" };

export function connect(options: { databaseUrl?: string; dataDir?: string; maxConnections?: number }): Handle {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: options.maxConnections ?? 10, onnotice: () => {} });
    return { db: drizzlePostgres(client, { schema }) as unknown as Database, close: () => client.end(), kind: "postgres" };
  }
  // Without a data folder PGlite keeps everything in memory (tests).
  const dir = options.dataDir ? path.join(options.dataDir, "pglite") : undefined;
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return { db: drizzlePglite(client, { schema }) as unknown as Database, close: () => client.close(), kind: "pglite" };
}

// One pool per process: Next.js bundles route handlers, actions and instrumentation separately,
// so a module-level variable would not be shared between them.
const globalForDb = globalThis as unknown as { __icraDb?: Handle };

export function getDbHandle(): Handle {
  if (!globalForDb.__icraDb) {
    const env = getEnv();
    globalForDb.__icraDb = connect({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  }
  return globalForDb.__icraDb;
}

/** Lazily connected, so that importing a module never opens a connection (e.g. during `next build`). */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDbHandle().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});
