import { messageFailure, providerFailure, type ProviderError } from "./errors";
import type { ReportStatus } from "./types";

/** SMPP 3.4 command_status values the adapter reacts to (names as in the specification). */
export const ESME = {
  ROK: 0x00,
  RINVMSGLEN: 0x01,
  RINVBNDSTS: 0x04,
  RSYSERR: 0x08,
  RINVSRCADR: 0x0a,
  RINVDSTADR: 0x0b,
  RBINDFAIL: 0x0d,
  RINVPASWD: 0x0e,
  RINVSYSID: 0x0f,
  RMSGQFUL: 0x14,
  RSUBMITFAIL: 0x45,
  RINVSRCTON: 0x48,
  RINVSRCNPI: 0x49,
  RINVDSTTON: 0x50,
  RINVDSTNPI: 0x51,
  RTHROTTLED: 0x58,
  RINVSCHED: 0x61,
  RINVEXPIRY: 0x62,
  RX_T_APPN: 0x64,
  RX_P_APPN: 0x65,
  RX_R_APPN: 0x66,
  RUNKNOWNERR: 0xff,
  RINVDCS: 0x104,
} as const;

const NAMES = new Map<number, string>(Object.entries(ESME).map(([name, value]) => [value, `ESME_${name}`]));

export function esmeName(status: number): string {
  return NAMES.get(status) ?? `0x${status.toString(16).padStart(8, "0")}`;
}

/** Back off and resubmit: the SMSC is busy, not unhappy with the message. */
export function isThrottling(status: number): boolean {
  return status === ESME.RTHROTTLED || status === ESME.RMSGQFUL;
}

/** A submit_sm_resp error classified. */
export function smppSubmitError(status: number, retryAfterMs = 1_000): ProviderError {
  const code = esmeName(status);
  const text = `SMSC: ${code}`;
  switch (status) {
    case ESME.RINVMSGLEN:
    case ESME.RX_P_APPN:
    case ESME.RX_R_APPN:
      return messageFailure("content", code, text);
    case ESME.RINVDSTADR:
    case ESME.RINVDSTTON:
    case ESME.RINVDSTNPI:
      return messageFailure("invalid-recipient", code, text);
    case ESME.RINVSCHED:
    case ESME.RINVEXPIRY:
      return messageFailure("invalid-request", code, text);
    case ESME.RX_T_APPN:
      return messageFailure("throttled", code, text, retryAfterMs);
    case ESME.RINVSRCADR:
    case ESME.RINVSRCTON:
    case ESME.RINVSRCNPI:
      return providerFailure("config", code, text);
    case ESME.RTHROTTLED:
    case ESME.RMSGQFUL:
      return providerFailure("throttled", code, text, retryAfterMs);
    case ESME.RINVBNDSTS:
      return providerFailure("network", code, `${text} (bağlantı bağlı değil)`);
    case ESME.RINVDCS:
      return providerFailure("invalid-request", code, text);
    case ESME.RSYSERR:
    case ESME.RSUBMITFAIL:
    case ESME.RUNKNOWNERR:
      return providerFailure("server", code, text);
    default:
      return providerFailure("protocol", code, text);
  }
}

export function smppBindError(status: number): ProviderError {
  const code = esmeName(status);
  if (status === ESME.RBINDFAIL || status === ESME.RINVPASWD || status === ESME.RINVSYSID) {
    return providerFailure("auth", code, `SMSC bağlantıyı reddetti: ${code} (system_id/şifre)`);
  }
  return providerFailure(status === ESME.RSYSERR ? "server" : "protocol", code, `SMSC bind hatası: ${code}`);
}

/** Receipt `stat:` words and message_state values → ours. */
const STAT: Record<string, ReportStatus> = {
  DELIVRD: "delivered",
  EXPIRED: "expired",
  DELETED: "failed",
  UNDELIV: "undelivered",
  ACCEPTD: "sent",
  ENROUTE: "sent",
  UNKNOWN: "undelivered",
  REJECTD: "failed",
};
const STATE: Record<number, ReportStatus> = { 1: "sent", 2: "delivered", 3: "expired", 4: "failed", 5: "undelivered", 6: "sent", 7: "undelivered", 8: "failed", 9: "failed" };

export function receiptStatus(stat: string | undefined, messageState: number | undefined): ReportStatus | undefined {
  return (stat ? STAT[stat.toUpperCase()] : undefined) ?? (messageState !== undefined ? STATE[messageState] : undefined);
}
