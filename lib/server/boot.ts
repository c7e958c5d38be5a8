import { getEnv } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { DEMO_LOGINS, isSeeded, seedDemo } from "@/lib/db/seed";
import { logger } from "@/lib/logger";
import { startSimulatorNetwork } from "@/lib/sms/simulator/network";
import { startEmbeddedEngine } from "./start-engine";

/**
 * Runs once per server process (from instrumentation.ts): migrations, the demo seed on the
 * zero-setup install, the embedded Inngest engine and the simulated operator network.
 */
export async function boot(): Promise<void> {
  const env = getEnv();
  const { db, kind } = getDbHandle();
  await runMigrations(db, kind);
  const seed = env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && env.embeddedDatabase);
  if (seed) {
    // Seeding is idempotent, but hashing and inserts are skipped once the demo data exist.
    if (!(await isSeeded(db))) await seedDemo(db);
    console.log("\nDemo girişleri / demo logins:");
    for (const login of DEMO_LOGINS) console.log(`  ${login.office.padEnd(22)} ${login.role.padEnd(8)} ${login.email}  ${login.password}`);
    console.log("");
  }
  if (env.embeddedEngine) startEmbeddedEngine(db, env);
  startSimulatorNetwork({ db, appUrl: `http://127.0.0.1:${env.PORT}`, deliveryDelayMs: env.SIMULATOR_DELIVERY_DELAY_MS });
  logger.info("panel started", { database: kind, engine: env.embeddedEngine ? "embedded" : "external", url: env.APP_URL });
}
