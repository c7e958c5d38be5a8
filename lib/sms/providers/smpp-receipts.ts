import type smpp from "smpp";
import { parseIstanbul } from "./dates";
import { receiptStatus } from "./smpp-codes";
import type { DeliveryReport } from "./types";

/** SMSC receipts are deliver_sm with esm_class message type 0x04 (bits 2-5). */
export function isDeliveryReceipt(pdu: smpp.PDU): boolean {
  return ((pdu.esm_class ?? 0) & 0x3c) === 0x04;
}

/**
 * Reads `id:X sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:000 text:`
 * together with the receipted_message_id and message_state TLVs, which win when present (the
 * text's id is decimal on some SMSCs and hex on others; the TLV is what submit_sm_resp gave).
 */
export function parseReceipt(pdu: smpp.PDU): DeliveryReport | undefined {
  const sm = pdu.short_message;
  const raw = typeof sm === "string" ? sm : Buffer.isBuffer(sm) ? sm.toString("latin1") : typeof sm?.message === "string" ? sm.message : (sm?.message?.toString("latin1") ?? "");
  const text = raw.replace(/\0+$/, "");
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`, "i").exec(text)?.[1];
  const id = pdu.receipted_message_id || field("id");
  const stat = field("stat");
  const status = receiptStatus(stat, pdu.message_state);
  if (!id || !status) return undefined;
  const err = field("err");
  const done = /done date:(\d{10,12})/i.exec(text)?.[1];
  return {
    providerMessageId: id,
    status,
    at: done ? smppTime(done) : undefined,
    providerStatus: stat ?? `message_state ${pdu.message_state}`,
    ...(err && !/^0+$/.test(err) ? { errorCode: err } : {}),
    raw: { text, receipted_message_id: pdu.receipted_message_id, message_state: pdu.message_state },
  };
}

/** "YYMMDDhhmm[ss]" in the SMSC's local time, which for a Turkish operator is Istanbul time. */
function smppTime(value: string): Date | undefined {
  const [yy, mm, dd, hh, mi, ss = "00"] = value.match(/\d\d/g) ?? [];
  return parseIstanbul(`20${yy}-${mm}-${dd} ${hh}:${mi}:${ss}`);
}

const RANK: Record<DeliveryReport["status"], number> = { sent: 0, delivered: 1, expired: 2, undelivered: 3, failed: 4 };
const MAX_OPEN = 100_000;

/**
 * A long message is several submit_sm, each with its own id and receipt. The message's id is its
 * first part's; one report is produced when every part has a final receipt, carrying the worst
 * outcome (one lost part means the text did not arrive whole). Repeated receipts are dropped.
 * State lives in memory: after a restart a receipt passes through under its part's id (a later
 * part's id matches no message and is ignored by the app; the status machine absorbs repeats).
 */
export class ReceiptAssembler {
  private readonly partOf = new Map<string, string>();
  private readonly open = new Map<string, { parts: string[]; remaining: Set<string>; worst?: DeliveryReport }>();
  private readonly done = new Set<string>();

  register(partIds: string[]): void {
    const [first] = partIds;
    this.open.set(first, { parts: partIds, remaining: new Set(partIds) });
    for (const id of partIds) this.partOf.set(id, first);
    // Receipts that never come must not pile up: the oldest open message is given up.
    if (this.open.size > MAX_OPEN) this.forget(this.open.keys().next().value as string);
  }

  accept(report: DeliveryReport): DeliveryReport | undefined {
    if (this.done.has(report.providerMessageId)) return undefined;
    const key = this.partOf.get(report.providerMessageId);
    if (!key) return report;
    const entry = this.open.get(key);
    if (!entry || report.status === "sent" || !entry.remaining.delete(report.providerMessageId)) return undefined;
    if (!entry.worst || RANK[report.status] > RANK[entry.worst.status]) entry.worst = report;
    if (entry.remaining.size > 0) return undefined;
    this.forget(key);
    const worst = entry.worst;
    return { ...worst, providerMessageId: key, raw: { parts: entry.parts.length, receipt: worst.raw } };
  }

  private forget(key: string) {
    const entry = this.open.get(key);
    this.open.delete(key);
    for (const id of entry?.parts ?? []) {
      this.partOf.delete(id);
      this.done.add(id);
    }
    while (this.done.size > MAX_OPEN) this.done.delete(this.done.values().next().value as string);
  }
}
