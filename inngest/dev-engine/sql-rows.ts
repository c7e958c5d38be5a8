import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/** jsonb arrives parsed from one driver and as text from the other. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A timestamp parameter for raw SQL (the drivers disagree on Date parameters). */
export function at(ms: number): SQL {
  return sql`${new Date(ms).toISOString()}::timestamptz`;
}

/** A statement of the engine's hot path, with `$n` parameters of the given types. */
export type Statement = { name: string; types: string[]; text: string };
type Param = string | number | null;

type PgliteClient = { exec(text: string): Promise<{ rows: unknown[] }[]>; waitReady: Promise<void> };
type PostgresClient = { unsafe(text: string, params: Param[], options: { prepare: boolean }): Promise<unknown[]> };

const prepared = new WeakMap<object, Set<string>>();

function literal(value: Param): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // E'' escapes work whatever standard_conforming_strings says.
  return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/**
 * Runs one of the hot-path statements. A PGlite query costs six round trips into WebAssembly and
 * plans its statement every time; a server-side prepared statement run through the simple
 * protocol costs a third of that. postgres.js prepares statements on its own.
 */
export async function runStatement<T>(db: Database, statement: Statement, params: Param[]): Promise<T[]> {
  const client = (db as unknown as { $client: object }).$client;
  if (!("waitReady" in client)) {
    return (await (client as PostgresClient).unsafe(statement.text, params, { prepare: true })) as T[];
  }
  const pglite = client as PgliteClient;
  let names = prepared.get(pglite);
  if (!names) prepared.set(pglite, (names = new Set()));
  for (let attempt = 0; ; attempt++) {
    try {
      if (!names.has(statement.name)) {
        // Another copy of this module (a second bundle) may have prepared it in this session.
        await pglite.exec(`prepare ${statement.name}(${statement.types.join(", ")}) as ${statement.text}`).catch((error) => {
          if (!/already exists/.test(String(error))) throw error;
        });
        names.add(statement.name);
      }
      const [result] = await pglite.exec(`execute ${statement.name}(${params.map(literal).join(", ")})`);
      return (result?.rows ?? []) as T[];
    } catch (error) {
      // Someone deallocated it: prepare again, once.
      if (attempt > 0 || !/prepared statement .* does not exist/.test(String(error))) throw error;
      names.delete(statement.name);
    }
  }
}
