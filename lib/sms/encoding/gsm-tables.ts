// GSM 03.38 / 3GPP TS 23.038 tables, exactly as in docs reference/sms-encoding.md.
// Every GSM-representable character is in the BMP at or below U+20AC (€), so flat arrays
// indexed by char code replace Map lookups in the hot paths.

export const ESC = 0x1b;
const TABLE_SIZE = 0x20ac + 1;

// Position = septet value. 0x1B is the escape, never a character of its own.
const DEFAULT_ALPHABET =
  "@£$¥èéùìòÇ\nØø\rÅå" +
  "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ" +
  " !\"#¤%&'()*+,-./" +
  "0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
  "¿abcdefghijklmnopqrstuvwxyzäöñüà";

const DEFAULT_EXTENSION: ReadonlyArray<readonly [number, string]> = [
  [0x0a, "\f"], [0x14, "^"], [0x28, "{"], [0x29, "}"], [0x2f, "\\"],
  [0x3c, "["], [0x3d, "~"], [0x3e, "]"], [0x40, "|"], [0x65, "€"],
];

// Turkish national single shift table (UDH IE 0x24): the default extension plus these.
const TURKISH_SINGLE_EXTRA: ReadonlyArray<readonly [number, string]> = [
  [0x47, "Ğ"], [0x49, "İ"], [0x53, "Ş"], [0x63, "ç"], [0x67, "ğ"], [0x69, "ı"], [0x73, "ş"],
];

// Turkish national locking shift table (UDH IE 0x25): the default alphabet with these
// eight positions replaced.
const TURKISH_LOCKING_CHANGES: ReadonlyArray<readonly [number, string]> = [
  [0x04, "€"], [0x07, "ı"], [0x0b, "Ğ"], [0x0c, "ğ"], [0x1c, "Ş"], [0x1d, "ş"], [0x40, "İ"], [0x60, "ç"],
];

/** Character classes, as stored in {@link CHAR_CLASS}. */
export const UCS = 0; // not representable in GSM-7 with any Turkish table
export const BASIC = 1; // default alphabet, kept by the Turkish locking table
export const EXTENSION = 2; // default extension table (ESC + code)
export const TURKISH = 3; // ç ğ Ğ ı İ ş Ş
export const LOCKING_LOST = 4; // default alphabet, but replaced by the Turkish locking table
export const EURO = 5; // extension in the default tables, one septet with locking shift
export const CLASS_COUNT = 6;

/** Septet table for one direction of the codec: septet → char and char code → septet (-1 = none). */
export interface SeptetTable {
  readonly chars: readonly string[];
  readonly codes: Int16Array;
}

function buildTable(chars: string[]): SeptetTable {
  const codes = new Int16Array(TABLE_SIZE).fill(-1);
  chars.forEach((ch, septet) => {
    if (ch !== "" && septet !== ESC) codes[ch.charCodeAt(0)] = septet;
  });
  return { chars, codes };
}

function withChanges(base: readonly string[], changes: ReadonlyArray<readonly [number, string]>): string[] {
  const chars = base.slice();
  for (const [septet, ch] of changes) chars[septet] = ch;
  return chars;
}

const defaultChars = Array.from(DEFAULT_ALPHABET);
const noChars: string[] = new Array<string>(128).fill("");

export const DEFAULT_BASIC = buildTable(defaultChars);
export const TURKISH_LOCKING_BASIC = buildTable(withChanges(defaultChars, TURKISH_LOCKING_CHANGES));
export const DEFAULT_EXT = buildTable(withChanges(noChars, DEFAULT_EXTENSION));
export const TURKISH_SINGLE_EXT = buildTable(
  withChanges(noChars, [...DEFAULT_EXTENSION, ...TURKISH_SINGLE_EXTRA]),
);

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(TABLE_SIZE); // UCS everywhere by default
  for (const ch of defaultChars) classes[ch.charCodeAt(0)] = BASIC;
  classes[ESC] = UCS;
  for (const [, ch] of DEFAULT_EXTENSION) classes[ch.charCodeAt(0)] = EXTENSION;
  for (const [septet, ch] of TURKISH_LOCKING_CHANGES) {
    classes[defaultChars[septet].charCodeAt(0)] = LOCKING_LOST;
    classes[ch.charCodeAt(0)] = TURKISH;
  }
  classes["€".charCodeAt(0)] = EURO;
  return classes;
}

/** Class of every char code below {@link TABLE_SIZE}; codes at or above it are {@link UCS}. */
export const CHAR_CLASS = buildClasses();
