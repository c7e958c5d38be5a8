import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeSms,
  decodeGsm7Septets,
  encodeGsm7Septets,
  segmentCapacity,
  splitSms,
  type AnalyzeOptions,
  type SmsAnalysis,
} from "@/lib/sms/encoding";

const NUM_RUNS = 10_000;
const TIMEOUT = 120_000;

const DEFAULT_ALPHABET =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "\f^{}\\[]~|€";
const TURKISH = "çğĞıİşŞ";
const LOCKING_LOST = "èìØøÆæ¡¿";
const UNICODE = ["â", "î", "“", "”", "’", "…", "–", "\u00a0", "`", "\t", "ж", "₺", "😀", "👍🏽", "🇹🇷", "𝄞"];

const isGsm = (char: string) => (DEFAULT_ALPHABET + EXTENSION + TURKISH).includes(char);

const chars = (set: string) => fc.constantFrom(...Array.from(set));
const gsmChar = chars(DEFAULT_ALPHABET);
const lockingChar = chars(Array.from(DEFAULT_ALPHABET).filter((c) => !LOCKING_LOST.includes(c)).join(""));
// size "large" spreads lengths over 0..700; the default size stays under about ten characters.
const textOf = (unit: fc.Arbitrary<string>) => fc.string({ unit, maxLength: 700, size: "large" });

// Mostly GSM so that long GSM and Türkçe texts are common; Unicode in a fraction of them.
const gsmText = textOf(fc.oneof({ arbitrary: gsmChar, weight: 8 }, { arbitrary: chars(EXTENSION), weight: 1 }));
const turkishText = textOf(
  fc.oneof({ arbitrary: gsmChar, weight: 8 }, { arbitrary: chars(TURKISH), weight: 3 }, { arbitrary: chars(EXTENSION), weight: 1 }),
);
const mixedText = textOf(
  fc.oneof(
    { arbitrary: gsmChar, weight: 8 },
    { arbitrary: chars(TURKISH), weight: 2 },
    { arbitrary: chars(EXTENSION), weight: 1 },
    { arbitrary: fc.constantFrom(...UNICODE), weight: 1 },
  ),
);
const anyText = fc.oneof(gsmText, turkishText, mixedText);

const options: fc.Arbitrary<AnalyzeOptions> = fc.record({
  mode: fc.constantFrom("provider" as const, "3gpp" as const),
  reservedSuffix: fc.constantFrom(0, 0, 5),
  concatRef: fc.constantFrom(8 as const, 16 as const),
});

function tablesOf(result: SmsAnalysis) {
  return { single: result.turkishTables === "single", locking: result.turkishTables === "locking" };
}

/** Units a part costs with the encoding chosen for the whole message. */
function unitsOf(part: string, result: SmsAnalysis, mode: AnalyzeOptions["mode"]): number {
  if (result.encoding === "ucs2") return part.length;
  if (mode === "3gpp") return encodeGsm7Septets(part, tablesOf(result)).length;
  let units = 0;
  for (const char of part) units += EXTENSION.includes(char) ? 2 : 1;
  return units;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

describe("splitSms properties", () => {
  it(
    "parts re-join to the text, keep pairs whole, fit their segment and match the segment count",
    () => {
      fc.assert(
        fc.property(anyText, options, (text, opts) => {
          const result = analyzeSms(text, opts);
          const parts = splitSms(text, opts);
          expect(parts.join("")).toBe(text);
          expect(parts.length).toBe(result.segments);
          for (const part of parts) {
            expect(part.length).toBeGreaterThan(0);
            expect(isHigh(part.charCodeAt(part.length - 1))).toBe(false);
            expect(isLow(part.charCodeAt(0))).toBe(false);
            expect(unitsOf(part, result, opts.mode)).toBeLessThanOrEqual(result.perSegment);
          }
          const last = parts.at(-1);
          const lastUnits = last === undefined ? 0 : unitsOf(last, result, opts.mode);
          expect(result.remainingInSegment).toBe(result.perSegment - lastUnits);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});

describe("analyzeSms properties", () => {
  it(
    "never chooses GSM-7 when UCS-2 would take fewer segments",
    () => {
      fc.assert(
        fc.property(fc.oneof(gsmText, turkishText), options, (text, opts) => {
          const reserved = opts.reservedSuffix ?? 0;
          const single = segmentCapacity("ucs2") - reserved;
          const multi = segmentCapacity("ucs2", { concatenated: true, concatRef: opts.concatRef }) - reserved;
          const ucs2Segments = text.length === 0 ? 0 : text.length <= single ? 1 : Math.ceil(text.length / multi);
          expect(analyzeSms(text, opts).segments).toBeLessThanOrEqual(ucs2Segments);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "uses UCS-2 exactly when a character needs it, and then names every such character",
    () => {
      fc.assert(
        fc.property(anyText, options, (text, opts) => {
          const result = analyzeSms(text, opts);
          const needsUnicode = Array.from(text).some((c) => !isGsm(c));
          expect(result.encoding === "ucs2").toBe(needsUnicode);
          if (!needsUnicode) return;
          expect(result.units).toBe(text.length);
          for (const { char, index } of result.unicodeChars) expect(text.slice(index, index + char.length)).toBe(char);
          const named = result.unicodeChars.map((u) => u.char).join("");
          expect(named).toBe(Array.from(text).filter((c) => !isGsm(c)).join(""));
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "counts 3gpp units as the septets the encoder produces",
    () => {
      fc.assert(
        fc.property(fc.oneof(gsmText, turkishText), (text) => {
          const result = analyzeSms(text, { mode: "3gpp" });
          expect(encodeGsm7Septets(text, tablesOf(result)).length).toBe(result.units);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});

describe("GSM-7 septet codec properties", () => {
  it(
    "round-trips the default alphabet and extension with and without single shift",
    () => {
      fc.assert(
        fc.property(gsmText, (text) => {
          for (const tables of [{}, { single: true }]) {
            expect(decodeGsm7Septets(encodeGsm7Septets(text, tables), tables)).toBe(text);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "round-trips Turkish text with single shift, locking shift and both",
    () => {
      const lockingText = textOf(
        fc.oneof({ arbitrary: lockingChar, weight: 6 }, { arbitrary: chars(TURKISH), weight: 3 }, { arbitrary: chars(EXTENSION), weight: 1 }),
      );
      fc.assert(
        fc.property(turkishText, lockingText, (anyTurkish, lockable) => {
          expect(decodeGsm7Septets(encodeGsm7Septets(anyTurkish, { single: true }), { single: true })).toBe(anyTurkish);
          for (const tables of [{ locking: true }, { single: true, locking: true }]) {
            expect(decodeGsm7Septets(encodeGsm7Septets(lockable, tables), tables)).toBe(lockable);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});
