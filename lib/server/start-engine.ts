import type { Database } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startEmbeddedEngineOnce } from "@/inngest/dev-engine";

/**
 * The embedded engine syncs by calling the app's /api/inngest, which answers only once the
 * HTTP server is listening — after instrumentation has returned. So the engine starts in the
 * background and waits for the app.
 */
export function startEngineWhenAppIsUp(db: Database, env: Env): void {
  const serveUrl = `http://127.0.0.1:${env.PORT}/api/inngest`;
  void (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(serveUrl, { method: "GET" });
        if (response.status < 500) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(200 * (attempt + 1), 2000)));
    }
    await startEmbeddedEngineOnce({
      db,
      serveUrl,
      signingKey: env.INNGEST_SIGNING_KEY,
      eventKey: env.INNGEST_EVENT_KEY,
      port: env.INNGEST_ENGINE_PORT,
    });
    logger.info("embedded inngest engine started", { port: env.INNGEST_ENGINE_PORT });
  })().catch((error) => logger.error("embedded engine failed to start", { error: error instanceof Error ? error.message : String(error) }));
}
