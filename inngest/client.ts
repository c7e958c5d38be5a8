import { Inngest } from "inngest";
import { getEnv } from "@/lib/env";

const env = getEnv();

/**
 * One client for both worlds: with INNGEST_BASE_URL it talks to a real Inngest (self-hosted or
 * Cloud); without it, to the embedded engine on loopback. Cloud mode (signed requests) is used in
 * both, so the public /api/inngest route never runs a function for an unsigned caller.
 */
export const inngest = new Inngest({
  id: "icra-sms-paneli",
  isDev: false,
  baseUrl: env.embeddedEngine ? `http://127.0.0.1:${env.INNGEST_ENGINE_PORT}/` : env.INNGEST_BASE_URL,
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  checkpointing: false,
});
