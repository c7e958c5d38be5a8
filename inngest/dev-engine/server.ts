import http from "node:http";
import type { EngineLogger } from "./logger";
import { hashSigningKey, safeEqual } from "./signing";
import type { IncomingEvent } from "./types";

/** Inngest's own request limit for event payloads. */
const maxBodyBytes = 3 * 1024 * 1024;

export type ServerHandlers = {
  eventKey: string;
  signingKey: string;
  logger: EngineLogger;
  /** Stores events and returns their ids; `idSeed` is the SDK's x-inngest-event-id-seed. */
  receiveEvents(events: IncomingEvent[], idSeed?: string): Promise<string[]>;
  /** Out-of-band sync: the SDK posts its function configs here. */
  register(body: { appName?: string; functions?: unknown[] }): Promise<void>;
  isBadInput(error: unknown): boolean;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) reject(new HttpError(413, "payload too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * The engine's HTTP face for the SDK in cloud mode: `POST /e/:eventKey` (inngest.send and
 * step.sendEvent) and `POST /fn/register` (out-of-band sync). Anything else the SDK might call
 * (signals, realtime, checkpoints) is answered 404 with a message saying it is unsupported.
 */
export function createEngineServer(handlers: ServerHandlers): http.Server {
  return http.createServer((req, res) => {
    handle(handlers, req, res).catch((error) => {
      const status = error instanceof HttpError ? error.status : handlers.isBadInput(error) ? 400 : 500;
      if (status === 500) handlers.logger.error("server.error", { path: req.url?.split("?")[0], error: String(error) });
      if (!res.headersSent) reply(res, status, { error: error instanceof Error ? error.message : String(error), status });
    });
  });
}

async function handle(handlers: ServerHandlers, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://engine").pathname;
  const eventMatch = /^\/e\/([^/]+)\/?$/.exec(path);
  if (req.method === "POST" && eventMatch) {
    if (!safeEqual(decodeURIComponent(eventMatch[1]), handlers.eventKey)) {
      handlers.logger.warn("events.bad_key", {});
      return reply(res, 401, { error: "Event key not found", status: 401 });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, "the body is not JSON");
    }
    const events = (Array.isArray(parsed) ? parsed : [parsed]) as IncomingEvent[];
    const seed = req.headers["x-inngest-event-id-seed"];
    const ids = await handlers.receiveEvents(events, typeof seed === "string" ? seed : undefined);
    return reply(res, 200, { ids, status: 200 });
  }
  if (req.method === "POST" && path === "/fn/register") {
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!safeEqual(token, hashSigningKey(handlers.signingKey))) return reply(res, 401, { error: "unauthorized", status: 401 });
    await handlers.register(JSON.parse(await readBody(req)));
    return reply(res, 200, { status: 200, modified: true, skipped: false });
  }
  if (req.method === "GET" && path === "/health") return reply(res, 200, { status: "ok" });
  handlers.logger.warn("server.unsupported", { method: req.method, path });
  reply(res, 404, { error: `the embedded Inngest engine does not implement ${req.method} ${path}`, status: 404 });
}
