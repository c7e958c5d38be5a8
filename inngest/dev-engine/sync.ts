import { notInArray } from "drizzle-orm";
import { engineCronMarks, engineFunctions } from "@/lib/db/schema/engine";
import type { AppClient } from "./app-client";
import type { EngineContext } from "./context";
import { configProblem, toRegistered, type RegisteredFunction } from "./registry";
import type { FunctionConfig } from "./types";

export type SyncReport = { functions: string[]; rejected: { id: string; reason: string }[] };

/** Options accepted but not honoured: they only change ordering or add tracing in Inngest. */
const ignoredOptions = ["priority"] as const;

/**
 * Stores the app's function configs and makes them the registry. A function the engine cannot
 * run faithfully is left out, with an error in the log naming the reason.
 */
export async function storeFunctions(ctx: EngineContext, appId: string, configs: FunctionConfig[]): Promise<SyncReport> {
  const now = new Date(ctx.clock.now());
  const accepted: RegisteredFunction[] = [];
  const rejected: SyncReport["rejected"] = [];
  for (const config of configs) {
    const problem = configProblem(config);
    if (problem) {
      rejected.push({ id: config.id, reason: problem });
      ctx.logger.error("sync.function_rejected", { functionId: config.id, reason: problem });
      continue;
    }
    for (const option of ignoredOptions) {
      if (config[option] !== undefined) ctx.logger.warn("sync.option_ignored", { functionId: config.id, option });
    }
    accepted.push(toRegistered(config));
  }
  await ctx.db.transaction(async (tx) => {
    const ids = accepted.map((fn) => fn.id);
    if (ids.length) {
      await tx.delete(engineFunctions).where(notInArray(engineFunctions.id, ids));
      await tx.delete(engineCronMarks).where(notInArray(engineCronMarks.functionId, ids));
    } else {
      await tx.delete(engineFunctions);
      await tx.delete(engineCronMarks);
    }
    for (const fn of accepted) {
      const row = { appId, name: fn.name, url: fn.url, config: fn.config, syncedAt: now };
      await tx.insert(engineFunctions).values({ id: fn.id, ...row }).onConflictDoUpdate({ target: engineFunctions.id, set: row });
    }
  });
  ctx.registry.replace(accepted);
  ctx.logger.info("sync.done", { functions: accepted.length, rejected: rejected.length });
  return { functions: accepted.map((fn) => fn.id), rejected };
}

/** Loads the configs stored by the last sync, so events are routed before the app answers. */
export async function loadFunctions(ctx: EngineContext): Promise<void> {
  const rows = await ctx.db.select().from(engineFunctions);
  ctx.registry.replace(rows.map((row) => toRegistered(row.config as FunctionConfig)));
}

type InBandResponse = { app_id?: string; functions?: FunctionConfig[] };

/**
 * Asks the app for its functions: an in-band sync, a signed `PUT` to the serve URL that answers
 * with the configs. If the app is set to sync out of band instead, it posts them to the engine's
 * `/fn/register` (see server.ts) before answering this request.
 */
export async function syncApp(ctx: EngineContext, app: AppClient, serveUrl: string): Promise<SyncReport | undefined> {
  const response = await app.send("PUT", serveUrl, { url: serveUrl }, { "x-inngest-sync-kind": "in_band" });
  if (response.status !== 200) {
    throw new Error(`sync: the app answered HTTP ${response.status} to PUT ${serveUrl}: ${response.body.slice(0, 300)}`);
  }
  if (response.headers.get("x-inngest-sync-kind") !== "in_band") return undefined;
  if (!response.signed) throw new Error("sync: the app's answer carries no valid signature; do the engine and the app share the signing key?");
  const body = JSON.parse(response.body) as InBandResponse;
  return storeFunctions(ctx, body.app_id ?? "app", body.functions ?? []);
}
