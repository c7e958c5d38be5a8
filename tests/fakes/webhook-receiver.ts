import http from "node:http";
import type { AddressInfo } from "node:net";

export type WebhookHandler = (request: Request) => Promise<{ status: number; body?: string }>;

/**
 * Stands in for the app's webhook route in provider tests: turns each incoming POST into a
 * web Request (what a Next.js route handler gets) and answers with the handler's status, so
 * the fake provider sees 200, 401 or 400 exactly as it would from the app.
 */
export class WebhookReceiver {
  url = "";
  received = 0;
  private server?: http.Server;

  constructor(private readonly handler: WebhookHandler) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.received++;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`${this.url}${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
    let answer: { status: number; body?: string };
    try {
      answer = await this.handler(request);
    } catch (error) {
      answer = { status: 500, body: error instanceof Error ? error.message : String(error) };
    }
    res.writeHead(answer.status, { "Content-Type": "text/plain" });
    res.end(answer.body ?? "");
  }
}
