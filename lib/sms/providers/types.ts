import type { SmsEncoding } from "@/lib/db/schema";

/** One message as a provider adapter receives it. */
export type OutboundSms = {
  messageId: string;
  officeId: string;
  /** Our idempotency key: providers that deduplicate get it as their client reference. */
  idempotencyKey: string;
  /** E.164 */
  to: string;
  body: string;
  /** The office's başlık. */
  sender: string;
  encoding: SmsEncoding;
};

export type SendOutcome =
  | { messageId: string; outcome: "accepted"; providerMessageId: string }
  /** The message itself was refused (bad number, blacklisted…): another provider would refuse it too. */
  | { messageId: string; outcome: "rejected"; code: string; text: string }
  /** Try again later, possibly through another provider (auth, 5xx, timeout, throttling). */
  | { messageId: string; outcome: "retryable"; code: string; text: string; retryAfterMs?: number };

export type ReportStatus = "sent" | "delivered" | "undelivered" | "expired" | "failed";

export type DeliveryReport = {
  providerMessageId: string;
  status: ReportStatus;
  at?: Date;
  errorCode?: string;
  raw: unknown;
};

export type ProviderCapabilities = {
  maxBatch: number;
  pushReports: boolean;
  /** Resubmitting with the same idempotency key never sends twice. */
  idempotentSubmit: boolean;
};

export interface SmsProvider {
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  send(batch: OutboundSms[]): Promise<SendOutcome[]>;
}
