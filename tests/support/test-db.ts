import crypto from "node:crypto";
import postgres from "postgres";
import { connect, type Database } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";

export type TestDatabase = { db: Database; url?: string; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server named
 * by DATABASE_URL (CI), or an in-memory PGlite when none is given.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = connect({});
    await runMigrations(handle.db, "pglite");
    return { db: handle.db, close: handle.close };
  }
  const name = `icra_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = connect({ databaseUrl: url.toString(), maxConnections: 5 });
  await runMigrations(handle.db, "postgres");
  return {
    db: handle.db,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
