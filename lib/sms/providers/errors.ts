import type {
  ConnectionCheck,
  DeliveryReport,
  FailureScope,
  MessageFailureReason,
  OutboundSms,
  ProviderFailureReason,
  SendOutcome,
} from "./types";

/**
 * A classified failure of a whole provider call (or of one message when scope is "message").
 * Adapters throw it internally and turn it into SendOutcome values; fetchReports and
 * testConnection let it escape so the caller sees the reason and retryAfterMs.
 */
export class ProviderError extends Error {
  readonly code: string;
  readonly scope: FailureScope;
  readonly reason: ProviderFailureReason | MessageFailureReason;
  readonly retryAfterMs?: number;
  /** When paging stopped half-way: the reports read before it did. */
  readonly partial?: DeliveryReport[];

  constructor(init: {
    code: string;
    text: string;
    scope: FailureScope;
    reason: ProviderFailureReason | MessageFailureReason;
    retryAfterMs?: number;
    partial?: DeliveryReport[];
  }) {
    super(init.text);
    this.name = "ProviderError";
    this.code = init.code;
    this.scope = init.scope;
    this.reason = init.reason;
    this.retryAfterMs = init.retryAfterMs;
    this.partial = init.partial;
  }

  withPartial(partial: DeliveryReport[]): ProviderError {
    const { code, scope, reason, retryAfterMs } = this;
    return new ProviderError({ code, text: this.message, scope, reason, retryAfterMs, partial });
  }
}

/** A pushed report the webhook route must refuse: 401 for bad credentials/signature, 400 for a body we cannot read. */
export class WebhookError extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
    this.name = "WebhookError";
  }
}

/** Shorthand for the classification tables of each adapter. */
export function providerFailure(
  reason: ProviderFailureReason,
  code: string,
  text: string,
  retryAfterMs?: number,
): ProviderError {
  return new ProviderError({ code, text, scope: "provider", reason, retryAfterMs });
}

export function messageFailure(reason: MessageFailureReason, code: string, text: string, retryAfterMs?: number): ProviderError {
  return new ProviderError({ code, text, scope: "message", reason, retryAfterMs });
}

/**
 * The outcome of one message for a classified failure. Message-scoped failures are permanent
 * unless they carry a retry-after (only waiting helps, e.g. too many SMS to one number).
 */
export function outcomeFor(sms: OutboundSms, error: ProviderError): SendOutcome {
  if (error.scope === "message" && error.retryAfterMs === undefined) {
    return {
      messageId: sms.messageId,
      outcome: "rejected",
      scope: "message",
      reason: error.reason as MessageFailureReason,
      code: error.code,
      text: error.message,
    };
  }
  return {
    messageId: sms.messageId,
    outcome: "retryable",
    scope: error.scope,
    reason: error.reason,
    code: error.code,
    text: error.message,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
  };
}

/** Anything thrown that is not classified yet (a bug, a parse error) counts as a provider fault. */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return providerFailure("protocol", "UNEXPECTED", text);
}

/** True for failures that should move the message to the next provider. */
export function isProviderFailure(outcome: SendOutcome): boolean {
  return outcome.outcome === "retryable" && outcome.scope === "provider";
}

/** A failed "Bağlantıyı sına" check, from whatever the adapter threw. */
export function connectionFailure(thrown: unknown): ConnectionCheck {
  const error = asProviderError(thrown);
  const reason = error.scope === "provider" ? (error.reason as ProviderFailureReason) : "protocol";
  return { ok: false, reason, code: error.code, text: error.message };
}
