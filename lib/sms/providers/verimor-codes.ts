import { messageFailure, providerFailure, type ProviderError } from "./errors";
import type { ReportStatus } from "./types";

/**
 * Verimor answers a refused send with HTTP 400 and a bare word. Those about the message fail
 * it; those about our account (sender name, credit, our own parameters) are the provider's.
 */
const SEND_ERRORS: Record<string, () => ProviderError> = {
  INVALID_DESTINATION_ADDRESS: () => messageFailure("invalid-recipient", "INVALID_DESTINATION_ADDRESS", "Verimor: alıcı numarası geçersiz"),
  MISSING_DESTINATION_ADDRESS: () => messageFailure("invalid-recipient", "MISSING_DESTINATION_ADDRESS", "Verimor: alıcı verilmemiş"),
  MISSING_MESSAGE: () => messageFailure("content", "MISSING_MESSAGE", "Verimor: mesaj metni boş"),
  MESSAGE_TOO_LONG: () => messageFailure("content", "MESSAGE_TOO_LONG", "Verimor: mesaj çok uzun"),
  FORBIDDEN_MESSAGE: () => messageFailure("content", "FORBIDDEN_MESSAGE", "Verimor: mesaj yasaklı kelime içeriyor"),
  INVALID_PERIOD: () => messageFailure("invalid-request", "INVALID_PERIOD", "Verimor: geçerlilik süresi 1 dakika ile 48 saat arasında olmalı"),
  INVALID_DELIVERY_TIME: () => messageFailure("invalid-request", "INVALID_DELIVERY_TIME", "Verimor: ileri tarih geçersiz veya geçmişte"),
  INVALID_SOURCE_ADDRESS: () => providerFailure("config", "INVALID_SOURCE_ADDRESS", "Verimor: başlık kabul edilmedi"),
  INSUFFICIENT_CREDITS: () => providerFailure("credit", "INSUFFICIENT_CREDITS", "Verimor: kredi yetersiz"),
  INVALID_DATACODING: () => providerFailure("invalid-request", "INVALID_DATACODING", "Verimor: datacoding hatalı"),
};

export function verimorSendError(status: number, body: string, retryAfter?: number): ProviderError {
  const word = body.trim().split(/\s/)[0]?.toUpperCase() ?? "";
  if (status === 400 && SEND_ERRORS[word]) return SEND_ERRORS[word]();
  return verimorHttpError(status, body, retryAfter);
}

/** Errors any endpoint can answer. */
export function verimorHttpError(status: number, body: string, retryAfter?: number): ProviderError {
  const text = body.trim().slice(0, 200);
  if (status === 401) return providerFailure("auth", "401", `Verimor: ${text || "yetkisiz"} (kullanıcı adı/şifre veya izinli IP)`);
  // Too large is about our batch size, not the message: halving the batch fixes it.
  if (status === 413) return messageFailure("invalid-request", "413", "Verimor: istek 10 MB sınırını aşıyor");
  if (status === 429) return providerFailure("throttled", "429", "Verimor: dakikada 150 istek sınırı aşıldı", retryAfter ?? 60_000);
  if (status >= 500) return providerFailure("server", String(status), `Verimor HTTP ${status}`);
  return providerFailure("protocol", text.split(/\s/)[0] || `HTTP${status}`, `Verimor: beklenmeyen yanıt (HTTP ${status}) ${text}`);
}

/**
 * Report status words → ours. SENT means "handed over, the operator gives no receipt" (some
 * foreign routes); Verimor shows it as İletildi, so it counts as delivered.
 */
const STATUS: Record<string, ReportStatus> = {
  SENDING: "sent",
  WAITING: "sent",
  DELIVERED: "delivered",
  SENT: "delivered",
  NOT_DELIVERED: "undelivered",
  REJECTED: "undelivered",
  EXPIRED: "expired",
  INVALID_DESTINATION_ADDRESS: "failed",
  DOUBLE_SEND_ERROR: "failed",
  BLACKLISTED_DESTINATION_ADDRESS: "failed",
  MISSING_TARIFF: "failed",
  ROUTE_NOT_AVAILABLE: "failed",
  NETWORK_NOTCOVERED: "failed",
  INTERNATIONAL_DENIED: "failed",
  SEND_ERROR: "failed",
};

export function verimorReportStatus(status: unknown): ReportStatus | undefined {
  return STATUS[String(status)];
}

/** Datacoding from the text: 0 GSM, 1 Türkçe (only for Ş ş Ğ ğ ç ı İ), 2 Unicode. */
export function verimorDatacoding(encoding: "gsm7" | "gsm7-tr" | "ucs2"): "0" | "1" | "2" {
  return encoding === "gsm7" ? "0" : encoding === "gsm7-tr" ? "1" : "2";
}
