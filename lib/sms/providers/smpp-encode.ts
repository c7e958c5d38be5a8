import { analyzeSms, encodeGsm7Septets, encodeUcs2, splitSms } from "@/lib/sms/encoding";

export type SubmitPart = {
  /** 0 = GSM-7 (SMSC default alphabet), 8 = UCS-2 big-endian. Always explicit: see below. */
  dataCoding: 0 | 8;
  /** 0x40 (UDHI) when short_message starts with a user data header. */
  esmClass: number;
  shortMessage: Buffer;
};

const TURKISH = 0x01;
const IE_SINGLE_SHIFT = 0x24;
const IE_LOCKING_SHIFT = 0x25;
const IE_CONCAT_8BIT = 0x00;
const UDHI = 0x40;

/**
 * The submit_sm payloads for a text, built byte by byte. The smpp package would otherwise pick
 * data_coding 1 (IA5) for GSM text and, with a Turkish UDH, encode with the locking table and
 * turn unknown characters into 0x00; so we hand it finished bytes: GSM-7 unpacked (one septet
 * per octet, the SMSC packs), or UCS-2 BE. The Turkish table is announced in every part's UDH
 * (single shift `24 01 01`, locking shift `25 01 01`), concatenation as `00 03 ref total seq`.
 * Parts follow the 3GPP capacities for exactly the tables signalled (analyzeSms "3gpp" mode).
 */
export function buildSubmitParts(text: string, ref: number): SubmitPart[] {
  const analysis = analyzeSms(text, { mode: "3gpp" });
  const parts = splitSms(text, { mode: "3gpp" });
  if (parts.length === 0) parts.push("");
  const tables = analysis.turkishTables;
  const shiftIes: number[] = [];
  if (tables === "single" || tables === "both") shiftIes.push(IE_SINGLE_SHIFT, 1, TURKISH);
  if (tables === "locking" || tables === "both") shiftIes.push(IE_LOCKING_SHIFT, 1, TURKISH);
  return parts.map((part, i) => {
    const ies = [...(parts.length > 1 ? [IE_CONCAT_8BIT, 3, ref & 0xff, parts.length, i + 1] : []), ...shiftIes];
    const udh = ies.length > 0 ? Buffer.from([ies.length, ...ies]) : Buffer.alloc(0);
    const payload =
      analysis.encoding === "ucs2"
        ? encodeUcs2(part)
        : encodeGsm7Septets(part, { single: tables === "single" || tables === "both", locking: tables === "locking" || tables === "both" });
    return {
      dataCoding: analysis.encoding === "ucs2" ? 8 : 0,
      esmClass: udh.length > 0 ? UDHI : 0,
      shortMessage: Buffer.concat([udh, Buffer.from(payload)]),
    };
  });
}
