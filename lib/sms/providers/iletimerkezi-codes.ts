import { messageFailure, providerFailure, type ProviderError } from "./errors";
import type { ReportStatus } from "./types";

/** İletimerkezi's status codes (in the body, usually also the HTTP status) classified. */
export function iletimerkeziError(code: string, message?: string): ProviderError {
  const text = `İletimerkezi ${code}${message ? `: ${message}` : ""}`;
  switch (code) {
    case "400":
      return providerFailure("invalid-request", code, `${text} (istek çözümlenemedi)`);
    case "401":
      return providerFailure("auth", code, `${text} (API anahtarı/hash hatalı)`);
    case "402":
      return providerFailure("credit", code, `${text} (bakiye yetersiz)`);
    case "404":
      return providerFailure("protocol", code, `${text} (API adresi bulunamadı)`);
    case "450":
      return providerFailure("config", code, `${text} (gönderici başlığı onaylı değil)`);
    case "451":
      // Same text to the same numbers within 10 minutes: the first order went out.
      return messageFailure("duplicate", code, `${text} (10 dakika içinde tekrarlanan sipariş)`);
    case "452":
      return messageFailure("invalid-recipient", code, `${text} (alıcı numaraları hatalı)`);
    case "453":
      return messageFailure("content", code, `${text} (mesaj 7 parçadan uzun)`);
    case "454":
      return messageFailure("content", code, `${text} (mesaj metni boş)`);
    case "455":
      return providerFailure("invalid-request", code, `${text} (sipariş bulunamadı)`);
    case "456":
      return providerFailure("invalid-request", code, `${text} (sipariş gönderim zamanı gelmedi)`);
    case "457":
      return messageFailure("invalid-request", code, `${text} (gönderim tarihi biçimi hatalı)`);
    case "503":
      return providerFailure("server", code, `${text} (sunucu geçici olarak hizmet veremiyor)`);
    default:
      if (/^5\d\d$/.test(code)) return providerFailure("server", code, text);
      if (code === "429") return providerFailure("throttled", code, text, 1_000);
      return providerFailure("protocol", code || "UNKNOWN", `${text} (tanınmayan yanıt)`);
  }
}

/** Per-number report status: 110 sending, 111 delivered, 112 could not be delivered. */
export function iletimerkeziReportStatus(status: unknown): ReportStatus | undefined {
  return { "110": "sent", "111": "delivered", "112": "undelivered" }[String(status)] as ReportStatus | undefined;
}

/** Webhook status words. */
export function iletimerkeziWebhookStatus(status: unknown): ReportStatus | undefined {
  return { accepted: "sent", delivered: "delivered", undelivered: "undelivered" }[String(status)] as ReportStatus | undefined;
}
