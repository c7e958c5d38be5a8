import { messageFailure, providerFailure, type ProviderError } from "./errors";
import type { ReportStatus } from "./types";

// Twilio error codes that are about the message or its recipient: another provider would not
// fare better with the same number or text.
const MESSAGE_ERRORS: Record<number, [Parameters<typeof messageFailure>[0], string]> = {
  21211: ["invalid-recipient", "geçersiz alıcı numarası (To)"],
  21612: ["invalid-recipient", "bu numaraya yönlendirme yapılamıyor"],
  21614: ["invalid-recipient", "alıcı numarası cep telefonu değil"],
  21610: ["blacklisted", "alıcı STOP ile aboneliğini kaldırmış"],
  21602: ["content", "mesaj metni boş"],
  21617: ["content", "mesaj metni 1600 karakterden uzun"],
};

// About our account or sender: a different provider may well succeed.
const CONFIG_ERRORS = new Set([21212, 21606, 21659, 21660, 21408, 21705, 21703, 30034]);

/** A Twilio REST error (`{ code, message, more_info, status }`) classified. */
export function twilioError(status: number, code: number | undefined, message: string | undefined): ProviderError {
  const label = code ? String(code) : `HTTP${status}`;
  const text = `Twilio ${label}: ${message ?? `HTTP ${status}`}`;
  if (code && MESSAGE_ERRORS[code]) return messageFailure(MESSAGE_ERRORS[code][0], label, `${text} (${MESSAGE_ERRORS[code][1]})`);
  if (code === 20003 || status === 401 || status === 403) return providerFailure("auth", label, text);
  if (code === 20429 || code === 21611 || status === 429) return providerFailure("throttled", label, text, 1_000);
  if (code && CONFIG_ERRORS.has(code)) return providerFailure("config", label, text);
  if (status >= 500) return providerFailure("server", label, text);
  return providerFailure("protocol", label, text);
}

/**
 * Message status → ours. queued/accepted/scheduled/sending are on their way ("sent"); a
 * canceled scheduled message never left Twilio, so it failed.
 */
const STATUS: Record<string, ReportStatus> = {
  accepted: "sent",
  scheduled: "sent",
  queued: "sent",
  sending: "sent",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "undelivered",
  failed: "failed",
  canceled: "failed",
};

export function twilioReportStatus(status: unknown): ReportStatus | undefined {
  return STATUS[String(status)];
}
