// The Turkish providers' published length table (Verimor's, shared by Netgsm and İletimerkezi),
// written out independently of lib/sms/encoding so the fakes do not grade the app with its own code.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");
const TURKISH = new Set("ŞşĞğçıİ");

export type ProviderAlphabet = "gsm" | "tr" | "ucs2";

/** Alphabet and billed units: one per character, two for the extension characters. */
export function providerUnits(text: string): { alphabet: ProviderAlphabet; units: number } {
  let alphabet: ProviderAlphabet = "gsm";
  let units = 0;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) units += 1;
    else if (GSM_EXTENSION.has(ch)) units += 2;
    else if (TURKISH.has(ch)) {
      units += 1;
      if (alphabet === "gsm") alphabet = "tr";
    } else alphabet = "ucs2";
  }
  if (alphabet === "ucs2") units = text.length;
  return { alphabet, units };
}

const TABLE: Record<ProviderAlphabet, { single: number; multi: number }> = {
  gsm: { single: 160, multi: 153 },
  tr: { single: 155, multi: 149 },
  ucs2: { single: 70, multi: 67 },
};

export function providerSegments(text: string): number {
  const { alphabet, units } = providerUnits(text);
  const { single, multi } = TABLE[alphabet];
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / multi);
}

/** Longer than seven parts, the most these providers take (1071 / 1043 / 469 units). */
export function tooLongForProvider(text: string): boolean {
  return providerSegments(text) > 7;
}
