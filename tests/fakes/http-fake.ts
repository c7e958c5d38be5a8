import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = { method: string; url: URL; headers: http.IncomingHttpHeaders; body: string };
export type FakeResponse = { status: number; body?: string | object; headers?: Record<string, string> };
export type RecordedRequest = FakeRequest & { at: number; status: number };

/**
 * The common part of the HTTP provider fakes: a node:http server on 127.0.0.1 that records
 * every request with the status it answered, and a queue of forced error codes so a test can
 * make the next call fail exactly the way the provider documents.
 */
export abstract class HttpFake {
  readonly requests: RecordedRequest[] = [];
  baseUrl = "";
  /** Added before every answer, to make a client time out. */
  latencyMs = 0;
  /**
   * A provider outage: every request is answered with this HTTP status, or never answered
   * ("hang"), before the provider looks at it, so nothing is accepted or recorded as sent.
   */
  outage: { status: number } | "hang" | null = null;
  private server?: http.Server;
  private readonly forced = new Map<string, string[]>();
  private readonly timers = new Set<NodeJS.Timeout>();

  protected abstract handle(request: FakeRequest): Promise<FakeResponse> | FakeResponse;

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    const address = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` requests to `endpoint` fail with `code` (what "code" means is the fake's business). */
  failNext(code: string, options: { endpoint?: string; times?: number } = {}): void {
    const endpoint = options.endpoint ?? "send";
    const queue = this.forced.get(endpoint) ?? [];
    for (let i = 0; i < (options.times ?? 1); i++) queue.push(code);
    this.forced.set(endpoint, queue);
  }

  protected takeForced(endpoint: string): string | undefined {
    return this.forced.get(endpoint)?.shift();
  }

  /** Requests to paths containing `fragment`, e.g. count("/send"). */
  count(fragment: string): number {
    return this.requests.filter((r) => r.url.pathname.includes(fragment)).length;
  }

  protected later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.outage === "hang") return; // the client's timeout ends it; close() drops the socket
    if (this.outage) {
      res.writeHead(this.outage.status, { "Content-Type": "text/html" });
      res.end("<html><body>Service Unavailable</body></html>");
      return;
    }
    const request: FakeRequest = {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", this.baseUrl),
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    let response: FakeResponse;
    try {
      response = await this.handle(request);
    } catch (error) {
      response = { status: 500, body: `fake error: ${error instanceof Error ? error.message : String(error)}` };
    }
    this.requests.push({ ...request, at: Date.now(), status: response.status });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const isText = typeof response.body === "string" || response.body === undefined;
    const body = isText ? ((response.body as string | undefined) ?? "") : JSON.stringify(response.body);
    const type = isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    if (res.destroyed) return;
    res.writeHead(response.status, { "Content-Type": type, ...response.headers });
    res.end(body);
  }
}

/** A request-count budget per sliding window, the way providers throttle. */
export class FakeRateLimit {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts the request; false when it is over the limit. */
  hit(): boolean {
    const now = this.now();
    while (this.stamps.length > 0 && this.stamps[0] <= now - this.windowMs) this.stamps.shift();
    if (this.stamps.length >= this.limit) return false;
    this.stamps.push(now);
    return true;
  }
}

export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic (.+)$/i.exec(header ?? "");
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
