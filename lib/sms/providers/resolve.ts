import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createSimulatorProvider } from "./simulator";
import type { SmsProvider } from "./types";

/**
 * The provider that sends for an office. Until the office configures real providers, the
 * simulator is the embedded default.
 */
export function resolveProvider(db: Database, officeId: string): SmsProvider {
  void officeId;
  return createSimulatorProvider({ db, sendDelayMs: getEnv().SIMULATOR_SEND_DELAY_MS });
}

export function isSimulatorActive(): boolean {
  return true;
}
