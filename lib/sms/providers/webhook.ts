import crypto from "node:crypto";
import { WebhookError } from "./errors";
import type { WebhookContext } from "./types";

/**
 * Verimor and İletimerkezi sign nothing, so the URL given to them carries a secret token
 * (`…/api/webhooks/verimor?token=…`). Compared in constant time; no token configured means
 * the route relies on something else (an IP allow-list) and everything passes here.
 */
export function checkWebhookToken(request: Request, context?: WebhookContext): void {
  if (!context?.token) return;
  const given = new URL(request.url).searchParams.get("token") ?? "";
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(context.token).digest();
  if (!crypto.timingSafeEqual(a, b)) throw new WebhookError(401, "webhook token missing or wrong");
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookError(400, "webhook body is not JSON");
  }
}
