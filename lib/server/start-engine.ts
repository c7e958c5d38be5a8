import type { Database } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { errorMessage, logger } from "@/lib/logger";
import { startEmbeddedEngineOnce } from "@/inngest/dev-engine";
import { createJsonLogger } from "@/inngest/dev-engine/logger";
import { testClock } from "./offset-clock";

/**
 * Starts the embedded Inngest engine on loopback. It accepts events at once; its first sync
 * calls the app's /api/inngest and is retried in the background until the HTTP server, which
 * starts listening only after instrumentation returns, answers.
 */
export function startEmbeddedEngine(db: Database, env: Env): void {
  startEmbeddedEngineOnce({
    db,
    serveUrl: `http://127.0.0.1:${env.PORT}/api/inngest`,
    signingKey: env.INNGEST_SIGNING_KEY,
    eventKey: env.INNGEST_EVENT_KEY,
    port: env.INNGEST_ENGINE_PORT,
    logger: createJsonLogger({ level: env.LOG_LEVEL }),
    // End-to-end tests move this clock through /api/test/clock.
    clock: env.ENABLE_TEST_ROUTES ? testClock() : undefined,
  })
    .then(() => logger.info("embedded inngest engine listening", { port: env.INNGEST_ENGINE_PORT }))
    .catch((error) => logger.error("embedded engine failed to start", { error: errorMessage(error) }));
}
