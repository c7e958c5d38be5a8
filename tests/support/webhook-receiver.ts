import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/client";
import { handleProviderWebhook } from "@/lib/messaging/provider-webhook";

/** Mounts the provider webhook handler on a local HTTP server, as the Next.js route mounts it. */
export async function startWebhookReceiver(db: () => Database): Promise<{ url: string; close: () => void }> {
  let url = "";
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`${url}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const kind = new URL(request.url).pathname.split("/").at(-1) ?? "";
    const answer = await handleProviderWebhook(db(), kind, request);
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => server.close() };
}
