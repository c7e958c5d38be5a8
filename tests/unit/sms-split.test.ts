import { describe, expect, it } from "vitest";
import { analyzeSms, decodeGsm7Septets, encodeGsm7Septets, encodeUcs2, splitSms } from "@/lib/sms/encoding";

const lengths = (parts: string[]) => parts.map((part) => part.length);

describe("splitSms", () => {
  it("returns no part for the empty text and the text itself when it fits one SMS", () => {
    expect(splitSms("")).toEqual([]);
    const text = "Sayın Ayşe Yılmaz, yazınız gönderilmiştir.";
    expect(splitSms(text)).toEqual([text]);
    expect(splitSms("a".repeat(160))).toEqual(["a".repeat(160)]);
    expect(splitSms("ş".repeat(155))).toEqual(["ş".repeat(155)]);
    expect(splitSms("😀".repeat(35))).toEqual(["😀".repeat(35)]);
  });

  it("cuts at the per-part capacity of the chosen encoding", () => {
    expect(lengths(splitSms("a".repeat(161)))).toEqual([153, 8]);
    expect(lengths(splitSms("a".repeat(307)))).toEqual([153, 153, 1]);
    expect(lengths(splitSms("ş".repeat(156)))).toEqual([149, 7]);
    expect(lengths(splitSms("â".repeat(135)))).toEqual([67, 67, 1]);
    expect(lengths(splitSms("a".repeat(161), { reservedSuffix: 5 }))).toEqual([148, 13]);
    expect(lengths(splitSms("a".repeat(161), { concatRef: 16 }))).toEqual([152, 9]);
    expect(lengths(splitSms("ş".repeat(160), { mode: "3gpp", concatRef: 16 }))).toEqual([148, 12]);
  });

  it("never splits an escape pair", () => {
    const text = "a".repeat(152) + "{" + "b".repeat(152);
    const parts = splitSms(text);
    expect(parts).toEqual(["a".repeat(152), "{" + "b".repeat(151), "b"]);
    expect(parts).toHaveLength(analyzeSms(text).segments);
  });

  it("never splits a surrogate pair", () => {
    const text = "a".repeat(66) + "😀" + "b".repeat(66);
    const parts = splitSms(text);
    expect(parts).toEqual(["a".repeat(66), "😀" + "b".repeat(65), "b"]);
    expect(parts).toHaveLength(analyzeSms(text).segments);
  });

  it("fits each 3gpp part in the septets the sender packs", () => {
    const text = ("Sayın Av. Mehmet Kaya, 2024/1234 Esas sayılı dosyada {gider avansı} 1.250,00 € eksiktir. ").repeat(6);
    const result = analyzeSms(text, { mode: "3gpp" });
    expect(result.turkishTables).toBe("locking");
    const parts = splitSms(text, { mode: "3gpp" });
    expect(parts.join("")).toBe(text);
    expect(parts).toHaveLength(result.segments);
    for (const part of parts) expect(encodeGsm7Septets(part, { locking: true }).length).toBeLessThanOrEqual(149);
  });
});

// The bytes an SMPP sender puts in each part's short_message (docs reference/sms-encoding.md).
describe("GSM-7 septets and UCS-2 bytes", () => {
  const septets = (text: string, tables: { single?: boolean; locking?: boolean }) =>
    Array.from(encodeGsm7Septets(text, tables));

  it("encodes the default alphabet and its extension table", () => {
    expect(septets("@Aa\n", {})).toEqual([0x00, 0x41, 0x61, 0x0a]);
    expect(septets("{€}", {})).toEqual([0x1b, 0x28, 0x1b, 0x65, 0x1b, 0x29]);
    expect(septets("ÇÖÜöü", {})).toEqual([0x09, 0x5c, 0x5e, 0x7c, 0x7e]);
    expect(() => encodeGsm7Septets("ş", {})).toThrow(RangeError);
  });

  it("encodes Turkish letters as ESC pairs with the single shift table", () => {
    expect(septets("ĞİŞçğış", { single: true })).toEqual([
      0x1b, 0x47, 0x1b, 0x49, 0x1b, 0x53, 0x1b, 0x63, 0x1b, 0x67, 0x1b, 0x69, 0x1b, 0x73,
    ]);
    expect(septets("è|", { single: true })).toEqual([0x04, 0x1b, 0x40]);
  });

  it("encodes Turkish letters in one septet with the locking shift table, which drops è ì Ø ø Æ æ ¡ ¿", () => {
    expect(septets("€ıĞğŞşİç", { locking: true })).toEqual([0x04, 0x07, 0x0b, 0x0c, 0x1c, 0x1d, 0x40, 0x60]);
    for (const lost of "èìØøÆæ¡¿") expect(() => encodeGsm7Septets(lost, { locking: true })).toThrow(RangeError);
  });

  it("decodes per the signalled tables, showing the basic character for an unknown extension code", () => {
    const bytes = Uint8Array.from([0x04, 0x07, 0x1b, 0x53, 0x1b, 0x41]);
    expect(decodeGsm7Septets(bytes, {})).toBe("èìSA");
    expect(decodeGsm7Septets(bytes, { single: true })).toBe("èìŞA");
    expect(decodeGsm7Septets(bytes, { single: true, locking: true })).toBe("€ıŞA");
    expect(() => decodeGsm7Septets(Uint8Array.from([0x80]), {})).toThrow(RangeError);
  });

  it("writes UCS-2 as UTF-16 big-endian, an emoji as its surrogate pair", () => {
    expect(Array.from(encodeUcs2("Ş😀"))).toEqual([0x01, 0x5e, 0xd8, 0x3d, 0xde, 0x00]);
  });
});
