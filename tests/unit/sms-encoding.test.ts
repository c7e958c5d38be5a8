import { describe, expect, it } from "vitest";
import { analyzeSms, replaceSuggestions, segmentCapacity } from "@/lib/sms/encoding";

// Fillers of n units: plain GSM, Türkçe (one Turkish letter makes the text need a Turkish
// table) and Unicode ("â" is not in any GSM table).
const gsm = (n: number) => "a".repeat(n);
const turkish = (n: number) => "ş" + "a".repeat(n - 1);
const unicode = (n: number) => "â" + "a".repeat(n - 1);

const ROWS = [
  { name: "normal GSM", make: gsm, encoding: "gsm7", single: 160, multi: 153 },
  { name: "Türkçe", make: turkish, encoding: "gsm7-tr", single: 155, multi: 149 },
  { name: "Unicode", make: unicode, encoding: "ucs2", single: 70, multi: 67 },
] as const;

// The provider table in docs reference/sms-encoding.md: [length, parts].
const TABLE: Record<(typeof ROWS)[number]["name"], Array<[number, number]>> = {
  "normal GSM": [[160, 1], [161, 2], [306, 2], [307, 3], [459, 3], [460, 4], [918, 6], [919, 7], [1071, 7], [1072, 8]],
  Türkçe: [[155, 1], [156, 2], [298, 2], [299, 3], [447, 3], [448, 4], [894, 6], [895, 7], [1043, 7], [1044, 8]],
  Unicode: [[70, 1], [71, 2], [134, 2], [135, 3], [201, 3], [202, 4], [402, 6], [403, 7], [469, 7], [470, 8]],
};

describe("analyzeSms, provider table", () => {
  for (const row of ROWS) {
    it.each(TABLE[row.name])(`${row.name}: %i characters are %i parts`, (length, parts) => {
      const result = analyzeSms(row.make(length));
      expect(result).toMatchObject({ encoding: row.encoding, units: length, segments: parts });
      expect(result.perSegment).toBe(parts === 1 ? row.single : row.multi);
      expect(result.remainingInSegment).toBe(parts === 1 ? row.single - length : parts * row.multi - length);
    });

    it(`${row.name}: segments, capacity and characters left at every length up to 1100`, () => {
      for (let length = 1; length <= 1100; length++) {
        const parts = length <= row.single ? 1 : Math.ceil(length / row.multi);
        const result = analyzeSms(row.make(length));
        const capacity = parts === 1 ? row.single : row.multi;
        expect([result.segments, result.perSegment, result.remainingInSegment]).toEqual([
          parts,
          capacity,
          parts === 1 ? row.single - length : parts * row.multi - length,
        ]);
      }
    });
  }

  it("counts the empty text as no segment with the whole first SMS left", () => {
    expect(analyzeSms("")).toEqual({
      encoding: "gsm7",
      turkishTables: null,
      units: 0,
      segments: 0,
      perSegment: 160,
      remainingInSegment: 160,
      unicodeChars: [],
    });
  });
});

describe("analyzeSms, encoding choice", () => {
  it("keeps Ç Ö Ü ö ü in plain GSM: only ç ğ Ğ ı İ ş Ş need Türkçe", () => {
    expect(analyzeSms("ÖDEME ÜCRETİ").encoding).toBe("gsm7-tr");
    expect(analyzeSms("Ödeme Ücreti Çarşamba").encoding).toBe("gsm7-tr");
    expect(analyzeSms("Ödeme Ünal Çelik").encoding).toBe("gsm7");
    for (const letter of "çğĞıİşŞ") expect(analyzeSms(`a${letter}`).encoding).toBe("gsm7-tr");
  });

  it("counts every extension character as two units, in GSM and in Türkçe", () => {
    for (const ext of ["^", "{", "}", "\\", "[", "]", "~", "|", "€", "\f"]) {
      expect(analyzeSms(ext).units).toBe(2);
      expect(analyzeSms(ext.repeat(80))).toMatchObject({ encoding: "gsm7", units: 160, segments: 1 });
      expect(analyzeSms(ext.repeat(80) + "a")).toMatchObject({ units: 161, segments: 2 });
      expect(analyzeSms("ş" + ext.repeat(77))).toMatchObject({ encoding: "gsm7-tr", units: 155, segments: 1 });
      expect(analyzeSms("ş" + ext.repeat(77) + "a")).toMatchObject({ units: 156, segments: 2 });
    }
  });

  it("needs an extra part when an escape pair or a surrogate pair would straddle a boundary", () => {
    // 152 + 2 + 152 = 306 units would be 2 parts, but "{" cannot start at unit 153.
    expect(analyzeSms(gsm(152) + "{" + gsm(152))).toMatchObject({ units: 306, segments: 3, remainingInSegment: 152 });
    expect(analyzeSms(gsm(151) + "{" + gsm(153))).toMatchObject({ units: 306, segments: 2, remainingInSegment: 0 });
    // 66 + 2 + 66 = 134 code units, but the emoji cannot start at unit 67.
    expect(analyzeSms(gsm(66) + "😀" + gsm(66))).toMatchObject({ encoding: "ucs2", units: 134, segments: 3 });
  });

  it("counts UCS-2 in UTF-16 code units, an emoji as two", () => {
    expect(analyzeSms("😀".repeat(35))).toMatchObject({ encoding: "ucs2", units: 70, segments: 1 });
    expect(analyzeSms("😀".repeat(35) + "a")).toMatchObject({ units: 71, segments: 2 });
  });

  it("names the characters that force UCS-2 with their replacements", () => {
    const text = "“Dosya” – hazır… 😀 Âlâ";
    expect(analyzeSms(text).unicodeChars).toEqual([
      { char: "“", index: 0, suggestion: '"' },
      { char: "”", index: 6, suggestion: '"' },
      { char: "–", index: 8, suggestion: "-" },
      { char: "…", index: 15, suggestion: "..." },
      { char: "😀", index: 17 },
      { char: "Â", index: 20, suggestion: "A" },
      { char: "â", index: 22, suggestion: "a" },
    ]);
    expect(replaceSuggestions(text)).toBe('"Dosya" - hazır... 😀 Ala');
  });

  it("replaces the usual paste artefacts with GSM characters", () => {
    const pasted = "‘a’ `b´ «c» d\u00a0e\tf—g−h î û 1.250,00 ₺ x\u200by İi\u0307";
    const fixed = replaceSuggestions(pasted);
    expect(fixed).toBe("'a' 'b' \"c\" d e f-g-h i u 1.250,00 TL xy İi");
    expect(analyzeSms(fixed).encoding).toBe("gsm7-tr");
    expect(replaceSuggestions("Ödeme 😀")).toBe("Ödeme 😀");
  });

  it("reduces every segment by the provider's reserved operator code", () => {
    const options = { reservedSuffix: 5 };
    expect(analyzeSms(gsm(155), options)).toMatchObject({ segments: 1, perSegment: 155, remainingInSegment: 0 });
    expect(analyzeSms(gsm(156), options)).toMatchObject({ segments: 2, perSegment: 148 });
    expect(analyzeSms(turkish(150), options)).toMatchObject({ segments: 1, perSegment: 150 });
    expect(analyzeSms(turkish(289), options)).toMatchObject({ segments: 3, perSegment: 144 });
    expect(analyzeSms("", options).remainingInSegment).toBe(155);
    expect(() => analyzeSms("a", { reservedSuffix: -1 })).toThrow(RangeError);
  });

  it("takes one unit off each concatenated part with a 16-bit reference", () => {
    const options = { concatRef: 16 } as const;
    expect(analyzeSms(gsm(160), options).segments).toBe(1);
    expect(analyzeSms(gsm(304), options)).toMatchObject({ segments: 2, perSegment: 152 });
    expect(analyzeSms(gsm(305), options).segments).toBe(3);
    expect(analyzeSms(turkish(296), options)).toMatchObject({ segments: 2, perSegment: 148 });
    expect(analyzeSms(unicode(132), options)).toMatchObject({ segments: 2, perSegment: 66 });
    expect(analyzeSms(unicode(133), options).segments).toBe(3);
  });
});

describe("analyzeSms, 3gpp mode", () => {
  const mode = "3gpp" as const;

  it("derives every capacity from the 140-octet payload and the UDH", () => {
    const figures = (encoding: "gsm7" | "gsm7-tr" | "ucs2", turkishTables: "single" | "locking" | "both" | null) => [
      segmentCapacity(encoding, { turkishTables }),
      segmentCapacity(encoding, { turkishTables, concatenated: true }),
      segmentCapacity(encoding, { turkishTables, concatenated: true, concatRef: 16 }),
    ];
    expect(figures("gsm7", null)).toEqual([160, 153, 152]);
    expect(figures("gsm7-tr", "single")).toEqual([155, 149, 148]);
    expect(figures("gsm7-tr", "locking")).toEqual([155, 149, 148]);
    expect(figures("gsm7-tr", "both")).toEqual([152, 146, 145]);
    expect(figures("ucs2", null)).toEqual([70, 67, 66]);
  });

  it("uses the default alphabet at 160/153", () => {
    expect(analyzeSms(gsm(160), { mode })).toMatchObject({ encoding: "gsm7", turkishTables: null, segments: 1 });
    expect(analyzeSms(gsm(161), { mode })).toMatchObject({ segments: 2, perSegment: 153 });
    expect(analyzeSms(gsm(161), { mode, concatRef: 16 })).toMatchObject({ segments: 2, perSegment: 152 });
  });

  it("prefers the locking shift table: one septet per Turkish letter at 155/149", () => {
    expect(analyzeSms("ş".repeat(155), { mode })).toMatchObject({
      encoding: "gsm7-tr",
      turkishTables: "locking",
      units: 155,
      segments: 1,
    });
    expect(analyzeSms("ş".repeat(156), { mode })).toMatchObject({ units: 156, segments: 2, perSegment: 149 });
    expect(analyzeSms("ş".repeat(298), { mode }).segments).toBe(2);
    expect(analyzeSms("ş".repeat(299), { mode }).segments).toBe(3);
    expect(analyzeSms("ş".repeat(296), { mode, concatRef: 16 })).toMatchObject({ segments: 2, perSegment: 148 });
  });

  it("falls back to single shift (two septets per Turkish letter) when locking drops a character", () => {
    for (const lost of "èìØøÆæ¡¿") {
      expect(analyzeSms(lost + "ş".repeat(77), { mode })).toMatchObject({
        turkishTables: "single",
        units: 155,
        segments: 1,
        perSegment: 155,
      });
      expect(analyzeSms(lost + "ş".repeat(78), { mode })).toMatchObject({ units: 157, segments: 2, perSegment: 149 });
    }
  });

  it("uses locking shift for many € signs, where it costs one septet instead of two", () => {
    expect(analyzeSms("€".repeat(100), { mode })).toMatchObject({ turkishTables: "locking", units: 100, segments: 1 });
    expect(analyzeSms("1 €", { mode })).toMatchObject({ turkishTables: null, units: 4 });
  });
});

describe("analyzeSms, the four message families (docs reference/domain.md)", () => {
  it("muhabere result: 204 characters in Türkçe are 2 SMS", () => {
    // "Sayın Ayşe Yılmaz, " 19 + "Aksaray İcra Dairesi " 21 + "2024/1234 Esas sayılı dosyaya ilişkin " 38
    // + "02.12.2026 tarihli başvurunuz üzerine " 38 + "03.12.2026 tarih ve 2024/1234-58 sayılı " 40
    // + "yazımız Aksaray Tapu Müdürlüğüne gönderilmiştir." 48 = 204. It has ı İ ş ğ and nothing
    // outside GSM, so Türkçe: 204 > 155, and 204 ≤ 2 × 149 = 298 → 2 parts, 298 − 204 = 94 left.
    const text =
      "Sayın Ayşe Yılmaz, Aksaray İcra Dairesi 2024/1234 Esas sayılı dosyaya ilişkin 02.12.2026 tarihli başvurunuz üzerine 03.12.2026 tarih ve 2024/1234-58 sayılı yazımız Aksaray Tapu Müdürlüğüne gönderilmiştir.";
    expect(text.length).toBe(204);
    expect(analyzeSms(text)).toMatchObject({ encoding: "gsm7-tr", units: 204, segments: 2, remainingInSegment: 94 });
    // An SMPP sender packs the same text with the locking table: 204 septets, 2 parts.
    expect(analyzeSms(text, { mode: "3gpp" })).toMatchObject({ turkishTables: "locking", units: 204, segments: 2 });
  });

  it("haciz kaldırma: the two '…' of the example force Unicode, 4 SMS; replaced, 2 SMS", () => {
    // 216 UTF-16 units: 71..201 would be 3 parts, 216 > 201 → 4 parts (4 × 67 = 268, 52 left).
    // Replacing each "…" by "..." adds 2 × 2 = 4 characters: 220 in Türkçe → 2 parts (298 − 220 = 78 left).
    const text =
      'Sayın Av. Mehmet Kaya, 2024/1234 Esas sayılı dosyada haczin kaldırılması için 1.250,00 TL gider avansını TR33 0006 1005 1978 6457 8413 26 IBAN\'a, açıklamaya "2024/1234 Esas" yazarak yatırınız. Yanıt: https://…/r/Xy7…';
    expect(text.length).toBe(216);
    const result = analyzeSms(text);
    expect(result).toMatchObject({ encoding: "ucs2", units: 216, segments: 4, remainingInSegment: 52 });
    expect(result.unicodeChars).toEqual([
      { char: "…", index: 208, suggestion: "..." },
      { char: "…", index: 215, suggestion: "..." },
    ]);
    expect(analyzeSms(replaceSuggestions(text))).toMatchObject({ encoding: "gsm7-tr", units: 220, segments: 2, remainingInSegment: 78 });
  });

  it("gider avansı: 238 characters in Türkçe are 2 SMS", () => {
    // 15 Turkish letters, no extension character: 238 units, 156..298 → 2 parts, 60 left.
    const text =
      'Sayın Fatma Şahin, 2025/872 Esas sayılı dosyadaki talebiniz için 1.250,00 TL gider avansını 15.12.2026 tarihine kadar TR33 0006 1005 1978 6457 8413 26 IBAN\'a, açıklamaya "2025/872 Esas" yazarak yatırınız. Bu mesaj bilgilendirme amaçlıdır.';
    expect(text.length).toBe(238);
    expect(analyzeSms(text)).toMatchObject({ encoding: "gsm7-tr", units: 238, segments: 2, remainingInSegment: 60 });
  });

  it("bilgilendirme / ikmal: 151 characters, 1 SMS with or without Turkish letters", () => {
    // Same 151 characters; ö ü are GSM, the ı ğ ç (10 of them) make it Türkçe: 151 ≤ 155, 4 left.
    const withTurkish =
      "Sayın Av. Mehmet Kaya, 2024/1234 Esas sayılı dosyada vekaletname örneği eksiktir. Lütfen en kısa sürede tamamlayınız. Bu mesaj bilgilendirme amaçlıdır.";
    // Written without Turkish letters, as many clerks do: plain GSM, 151 ≤ 160, 9 left.
    const ascii =
      "Sayin Av. Mehmet Kaya, 2024/1234 Esas sayili dosyada vekaletname ornegi eksiktir. Lutfen en kisa surede tamamlayiniz. Bu mesaj bilgilendirme amaclidir.";
    expect(analyzeSms(withTurkish)).toMatchObject({ encoding: "gsm7-tr", units: 151, segments: 1, remainingInSegment: 4 });
    expect(analyzeSms(ascii)).toMatchObject({ encoding: "gsm7", units: 151, segments: 1, remainingInSegment: 9 });
    // With single shift each of the 10 letters would cost 2 septets (161 → 2 parts); locking keeps 1 part.
    expect(analyzeSms(withTurkish, { mode: "3gpp" })).toMatchObject({ turkishTables: "locking", units: 151, segments: 1 });
  });
});
