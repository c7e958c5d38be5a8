import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");

export async function runMigrations(db: Database, kind: "postgres" | "pglite"): Promise<void> {
  if (kind === "postgres") await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
  else await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
}
