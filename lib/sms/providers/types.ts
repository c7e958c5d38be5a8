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
  /** What the counter chose; adapters re-derive the wire encoding from the body itself. */
  encoding: SmsEncoding;
  /** Scheduled send (only where capabilities.scheduling). */
  sendAt?: Date;
  /** How long the network keeps trying before the message expires. */
  validForMinutes?: number;
};

/**
 * How a failure is classified. The one question failover asks is `scope`:
 *
 * - scope "provider": this provider cannot take anything right now (credentials, IP allow-list,
 *   sender name not approved, no credit, throttling, 5xx, timeout). Another provider may well
 *   succeed, so these are always `outcome: "retryable"`: never blame the message for them.
 * - scope "message": the message itself is the problem (bad number, blacklisted, text refused).
 *   Another provider would refuse it too: no failover. Usually `outcome: "rejected"` (permanent);
 *   `"retryable"` when only waiting helps (e.g. Netgsm 85, too many jobs to one number).
 *
 * `reason` refines it: "auth", "config" and "credit" do not heal by waiting (fail over now and
 * tell an admin); "throttled" carries retryAfterMs; "timeout" and "network" mean the provider
 * MAY have taken the message, so resend through the same provider only when
 * capabilities.idempotentSubmit, and think twice before failing over (it may arrive twice).
 */
export type FailureScope = "provider" | "message";

export type ProviderFailureReason =
  | "auth"
  | "config"
  | "credit"
  | "throttled"
  | "server"
  | "timeout"
  | "network"
  | "invalid-request"
  | "protocol";

export type MessageFailureReason = "invalid-recipient" | "blacklisted" | "content" | "duplicate" | "invalid-request" | "throttled";

export type SendOutcome =
  | { messageId: string; outcome: "accepted"; providerMessageId: string; segments?: number }
  /**
   * The message itself was refused (bad number, blacklisted…): another provider would refuse it
   * too. A rejection is always message-scoped; scope and reason are optional only so outcomes
   * written before this classification existed still type-check. Adapters always set both.
   */
  | { messageId: string; outcome: "rejected"; scope?: "message"; reason?: MessageFailureReason; code: string; text: string }
  /** Try again later, possibly through another provider when scope is "provider" (auth, 5xx, timeout, throttling). */
  | {
      messageId: string;
      outcome: "retryable";
      scope: FailureScope;
      reason: ProviderFailureReason | MessageFailureReason;
      code: string;
      text: string;
      retryAfterMs?: number;
    };

export type ReportStatus = "sent" | "delivered" | "undelivered" | "expired" | "failed";

export type DeliveryReport = {
  providerMessageId: string;
  /**
   * Normalised: "sent" = still on its way (accepted, waiting), "delivered", "undelivered" = the
   * network tried and could not (phone off, operator refused), "expired" = validity ran out,
   * "failed" = the provider never handed it to a network (wrong number, blacklist, no credit).
   */
  status: ReportStatus;
  at?: Date;
  errorCode?: string;
  /** The provider's own status word or code, for the timeline. */
  providerStatus?: string;
  raw: unknown;
};

export type ProviderCapabilities = {
  maxBatch: number;
  pushReports: boolean;
  /** Resubmitting with the same idempotency key never sends twice. */
  idempotentSubmit: boolean;
  /** Documented request limits; adapters also enforce them locally. */
  rateLimit?: { perSecond?: number; perMinute?: number };
  /** fetchReports exists and may be called by the polling function. */
  pollReports?: boolean;
  /** Honours OutboundSms.sendAt. */
  scheduling?: boolean;
  /**
   * How Turkish letters (ç ğ ı İ ş Ş) travel: "provider" = the HTTP API's Türkçe mode billed from
   * its per-character table, "national-tables" = we pack GSM-7 with the 3GPP Turkish shift
   * tables (SMPP), "ucs2" = as Unicode (70 per SMS).
   */
  turkishMode?: "provider" | "national-tables" | "ucs2";
};

/** Which messages to ask about. Ids are the ones send() returned. */
export type ReportQuery = {
  providerMessageIds: string[];
  /** Lower bound of the send time, for providers that search by date (Netgsm). */
  sentAfter?: Date;
  /**
   * Idempotency keys of messages whose send answer never came (a timeout). Providers that can
   * search by our reference (Verimor's custom_id, for a message sent on its own) report those
   * too, under the providerMessageId send() would have returned; others ignore the keys.
   */
  idempotencyKeys?: string[];
};

/** What the webhook route knows beyond the request itself. */
export type WebhookContext = {
  /**
   * The public URL the provider was given. Behind a proxy request.url differs from it, and
   * Twilio signs this URL.
   */
  url?: string;
  /**
   * Providers without signatures (Verimor, İletimerkezi) are given a URL carrying `?token=…`;
   * when set, a request without this token is refused.
   */
  token?: string;
};

export type ConnectionCheck =
  | { ok: true; senders?: string[]; detail?: string }
  | { ok: false; reason: ProviderFailureReason; code: string; text: string };

export interface SmsProvider {
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  /**
   * One outcome per message, in the batch's order. Never throws for a provider answer: every
   * failure comes back classified (see FailureScope).
   */
  send(batch: OutboundSms[]): Promise<SendOutcome[]>;
  /**
   * Polls delivery reports, following the provider's paging. Duplicate rows are merged, one
   * report per id. When the provider's (or our local) rate limit stops it, it throws a
   * ProviderError with reason "throttled", retryAfterMs and the reports read so far in `partial`.
   */
  fetchReports?(query: ReportQuery): Promise<DeliveryReport[]>;
  /** Parses a pushed report. Throws WebhookError (status 401 or 400) for a request to refuse. */
  parseWebhook?(request: Request, context?: WebhookContext): Promise<DeliveryReport[]>;
  /** For the "Bağlantıyı sına" button: checks credentials and lists approved sender names. */
  testConnection?(): Promise<ConnectionCheck>;
  /** Cancels a scheduled message; false when the provider no longer knows it. */
  cancel?(providerMessageId: string): Promise<boolean>;
}
