import { messageFailure, providerFailure, type ProviderError } from "./errors";
import type { ReportStatus } from "./types";

const MINUTE = 60_000;

/**
 * Netgsm REST v2 answer codes (send, report, msgheader, cancel) classified. 20 and 85 concern
 * a message; everything else is about our account or Netgsm itself, so failover may help.
 */
export function netgsmError(code: string, description?: string): ProviderError {
  const text = description ? `Netgsm ${code}: ${description}` : `Netgsm ${code}`;
  switch (code) {
    case "20":
      return messageFailure("content", code, `${text} (mesaj metni hatalı veya çok uzun)`);
    case "30":
      return providerFailure("auth", code, `${text} (kullanıcı adı/şifre hatalı, IP izni veya API erişimi yok)`);
    case "40":
      return providerFailure("config", code, `${text} (mesaj başlığı tanımlı değil)`);
    case "50":
      return providerFailure("config", code, `${text} (hesap İYS kontrollü gönderim yapamıyor)`);
    case "51":
      return providerFailure("config", code, `${text} (İYS marka bilgisi yok)`);
    case "60":
      return providerFailure("invalid-request", code, `${text} (kayıt bulunamadı)`);
    case "70":
      return providerFailure("invalid-request", code, `${text} (hatalı parametre)`);
    case "80":
      return providerFailure("throttled", code, `${text} (gönderim/sorgu sınırı aşıldı)`, MINUTE);
    case "85":
      // More than 20 jobs to one number within a minute: only that number has to wait.
      return messageFailure("throttled", code, `${text} (aynı numaraya dakikada 20'den fazla gönderim)`, MINUTE);
    case "100":
    case "101":
    case "110":
      return providerFailure("server", code, `${text} (Netgsm sistem hatası)`);
    default:
      return providerFailure("protocol", code || "UNKNOWN", `${text} (tanınmayan yanıt)`);
  }
}

/**
 * Report row status → our status. 0 is still waiting; 3, 4 and 12-17 never reached a handset
 * network ("failed"); 11 was refused by the operator and 2 timed out in it.
 */
const STATUS: Record<string, ReportStatus> = {
  "0": "sent",
  "1": "delivered",
  "2": "expired",
  "3": "failed",
  "4": "failed",
  "11": "undelivered",
  "12": "failed",
  "13": "failed",
  "14": "failed",
  "15": "failed",
  "16": "failed",
  "17": "failed",
};

export function netgsmReportStatus(status: unknown): ReportStatus | undefined {
  return STATUS[String(status)];
}
