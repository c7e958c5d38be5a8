// How a real SMSC reads a submit_sm: from the raw PDU bytes, with its own GSM 03.38 tables.
// Written independently of lib/sms/encoding so a wrong table in the app cannot grade itself.

const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION: Record<number, string> = { 0x0a: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2f: "\\", 0x3c: "[", 0x3d: "~", 0x3e: "]", 0x40: "|", 0x65: "€" };
// 3GPP TS 23.038 A.2.1 / A.3.1, language 0x01 (Turkish).
const TURKISH_SINGLE: Record<number, string> = { 0x47: "Ğ", 0x49: "İ", 0x53: "Ş", 0x63: "ç", 0x67: "ğ", 0x69: "ı", 0x73: "ş" };
const TURKISH_LOCKING: Record<number, string> = { 0x04: "€", 0x07: "ı", 0x0b: "Ğ", 0x0c: "ğ", 0x1c: "Ş", 0x1d: "ş", 0x40: "İ", 0x60: "ç" };

export type RawSubmit = {
  sourceAddr: string;
  destinationAddr: string;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  shortMessage: Buffer;
  tlvs: Map<number, Buffer>;
};

/** Parses a whole submit_sm PDU (header included) the way the SMPP 3.4 specification lays it out. */
export function parseSubmitSm(pdu: Buffer): RawSubmit {
  let offset = 16;
  const cstring = () => {
    const end = pdu.indexOf(0, offset);
    const value = pdu.toString("latin1", offset, end);
    offset = end + 1;
    return value;
  };
  const u8 = () => pdu[offset++];
  cstring(); // service_type
  offset += 2; // source ton, npi
  const sourceAddr = cstring();
  offset += 2; // dest ton, npi
  const destinationAddr = cstring();
  const esmClass = u8();
  offset += 2; // protocol_id, priority_flag
  cstring(); // schedule_delivery_time
  cstring(); // validity_period
  const registeredDelivery = u8();
  offset += 1; // replace_if_present_flag
  const dataCoding = u8();
  offset += 1; // sm_default_msg_id
  const length = u8();
  const shortMessage = Buffer.from(pdu.subarray(offset, offset + length));
  offset += length;
  const tlvs = new Map<number, Buffer>();
  while (offset + 4 <= pdu.length) {
    const tag = pdu.readUInt16BE(offset);
    const size = pdu.readUInt16BE(offset + 2);
    tlvs.set(tag, Buffer.from(pdu.subarray(offset + 4, offset + 4 + size)));
    offset += 4 + size;
  }
  return { sourceAddr, destinationAddr, esmClass, dataCoding, registeredDelivery, shortMessage, tlvs };
}

export type DecodedPart = {
  text: string;
  udh: Buffer;
  concat?: { ref: number; total: number; seq: number };
  singleShift: boolean;
  lockingShift: boolean;
  /** Septets (GSM) or octets (UCS-2) after the header. */
  payloadLength: number;
};

/** Splits the UDH, reads concatenation (IE 00/08 or SAR TLVs) and Turkish shifts, decodes the text. */
export function decodeSubmit(submit: RawSubmit): DecodedPart {
  let payload: Buffer = submit.shortMessage.length > 0 ? submit.shortMessage : (submit.tlvs.get(0x0424) ?? Buffer.alloc(0));
  let udh: Buffer = Buffer.alloc(0);
  let concat: DecodedPart["concat"];
  let singleShift = false;
  let lockingShift = false;
  if (submit.esmClass & 0x40) {
    udh = payload.subarray(0, payload[0] + 1);
    payload = payload.subarray(payload[0] + 1);
    for (let i = 1; i < udh.length; ) {
      const [id, len] = [udh[i], udh[i + 1]];
      const data = udh.subarray(i + 2, i + 2 + len);
      if (id === 0x00) concat = { ref: data[0], total: data[1], seq: data[2] };
      if (id === 0x08) concat = { ref: data.readUInt16BE(0), total: data[2], seq: data[3] };
      if (id === 0x24 && data[0] === 0x01) singleShift = true;
      if (id === 0x25 && data[0] === 0x01) lockingShift = true;
      i += 2 + len;
    }
  }
  const sar = submit.tlvs.get(0x020c);
  if (!concat && sar) concat = { ref: sar.readUInt16BE(0), total: submit.tlvs.get(0x020e)![0], seq: submit.tlvs.get(0x020f)![0] };
  let text: string;
  if (submit.dataCoding === 0x08) text = Buffer.from(payload).swap16().toString("utf16le");
  else if (submit.dataCoding === 0x00) text = decodeGsm7(payload, singleShift, lockingShift);
  else text = payload.toString("latin1");
  return { text, udh: Buffer.from(udh), concat, singleShift, lockingShift, payloadLength: payload.length };
}

function decodeGsm7(septets: Buffer, single: boolean, locking: boolean): string {
  let out = "";
  for (let i = 0; i < septets.length; i++) {
    const s = septets[i];
    if (s > 0x7f) throw new Error(`octet 0x${s.toString(16)} is not a septet`);
    if (s === 0x1b) {
      const code = septets[++i];
      out += (single ? TURKISH_SINGLE[code] : undefined) ?? EXTENSION[code] ?? BASIC[code] ?? "";
      continue;
    }
    out += (locking ? TURKISH_LOCKING[s] : undefined) ?? BASIC[s];
  }
  return out;
}
