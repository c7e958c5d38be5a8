import crypto from "node:crypto";
import { getEnv } from "@/lib/env";

/** The simulated network authenticates its delivery reports with a key derived from AUTH_SECRET. */
export function simulatorWebhookKey(): string {
  return crypto.createHmac("sha256", getEnv().AUTH_SECRET).update("simulator-webhook").digest("hex");
}

export function isValidSimulatorKey(candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(simulatorWebhookKey());
  const given = Buffer.from(candidate);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
