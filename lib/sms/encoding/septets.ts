import {
  DEFAULT_BASIC,
  DEFAULT_EXT,
  ESC,
  TURKISH_LOCKING_BASIC,
  TURKISH_SINGLE_EXT,
  type SeptetTable,
} from "./gsm-tables";

/** National tables signalled in the UDH: single shift (IE 0x24), locking shift (IE 0x25). */
export interface Gsm7Tables {
  single?: boolean;
  locking?: boolean;
}

function tablesFor(tables: Gsm7Tables): { basic: SeptetTable; ext: SeptetTable } {
  return {
    basic: tables.locking ? TURKISH_LOCKING_BASIC : DEFAULT_BASIC,
    ext: tables.single ? TURKISH_SINGLE_EXT : DEFAULT_EXT,
  };
}

/**
 * Unpacked GSM-7: one septet per octet, extension characters as ESC + code, the form SMPP
 * short_message carries with data_coding 0. Throws on a character the tables cannot carry,
 * because sending a silent substitute would change the message.
 */
export function encodeGsm7Septets(text: string, tables: Gsm7Tables): Uint8Array {
  const { basic, ext } = tablesFor(tables);
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const septet = code < basic.codes.length ? basic.codes[code] : -1;
    if (septet >= 0) {
      out[n++] = septet;
      continue;
    }
    const escaped = code < ext.codes.length ? ext.codes[code] : -1;
    if (escaped < 0) {
      throw new RangeError(`Character ${JSON.stringify(text[i])} at ${i} is not in the GSM-7 tables`);
    }
    out[n++] = ESC;
    out[n++] = escaped;
  }
  return out.slice(0, n);
}

function septetAt(bytes: Uint8Array, i: number): number {
  if (bytes[i] > 0x7f) throw new RangeError(`Byte 0x${bytes[i].toString(16)} at ${i} is not a septet`);
  return bytes[i];
}

export function decodeGsm7Septets(bytes: Uint8Array, tables: Gsm7Tables): string {
  const { basic, ext } = tablesFor(tables);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const septet = septetAt(bytes, i);
    if (septet !== ESC) {
      out += basic.chars[septet];
      continue;
    }
    // A lone trailing ESC carries no character.
    if (++i >= bytes.length) break;
    const code = septetAt(bytes, i);
    // TS 23.038: an extension code with no character shows the basic table's character, and
    // ESC ESC (reserved for a further extension table) shows a space.
    out += ext.chars[code] || (code === ESC ? " " : basic.chars[code]);
  }
  return out;
}

/** UTF-16 big-endian, the byte order of SMPP data_coding 8. */
export function encodeUcs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code >> 8;
    out[2 * i + 1] = code & 0xff;
  }
  return out;
}
