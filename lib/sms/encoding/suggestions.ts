import { CHAR_CLASS, UCS } from "./gsm-tables";
import type { UnicodeChar } from "./types";

// Characters that slip into texts pasted from word processors or typed on phones and force
// UCS-2 (70 characters a segment instead of 155-160), with the GSM text that reads the same.
const SUGGESTIONS = new Map<string, string>([
  ["\u2018", "'"], ["\u2019", "'"], ["\u201a", "'"], ["\u201b", "'"], ["\u2032", "'"],
  ["`", "'"], ["\u00b4", "'"],
  ["\u201c", '"'], ["\u201d", '"'], ["\u201e", '"'], ["\u201f", '"'], ["\u2033", '"'],
  ["\u00ab", '"'], ["\u00bb", '"'],
  ["\u2010", "-"], ["\u2011", "-"], ["\u2012", "-"], ["\u2013", "-"], ["\u2014", "-"],
  ["\u2015", "-"], ["\u2212", "-"], ["\u2022", "-"],
  ["\u2026", "..."],
  ["â", "a"], ["î", "i"], ["û", "u"], ["ê", "e"], ["ô", "o"],
  ["Â", "A"], ["Î", "I"], ["Û", "U"], ["Ê", "E"], ["Ô", "O"],
  ["\u00a0", " "], ["\u2007", " "], ["\u2009", " "], ["\u202f", " "], ["\t", " "],
  // Invisible characters: dropping them changes nothing the reader sees. U+0307 is the dot
  // that "İ".toLowerCase() leaves after "i" outside the Turkish locale.
  ["\u200b", ""], ["\u00ad", ""], ["\ufeff", ""], ["\u0307", ""],
  ["\u20ba", "TL"], // Turkish lira sign; amounts are written "1.250,00 TL"
  ["\u00d7", "x"],
]);

function isUcs(code: number): boolean {
  return code >= CHAR_CLASS.length || CHAR_CLASS[code] === UCS;
}

/** The characters from `from` on that GSM-7 cannot carry, with replacements where one exists. */
export function unicodeCharsOf(text: string, from = 0): UnicodeChar[] {
  const found: UnicodeChar[] = [];
  for (let i = from; i < text.length; i++) {
    if (!isUcs(text.charCodeAt(i))) continue;
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    const suggestion = SUGGESTIONS.get(char);
    found.push(suggestion === undefined ? { char, index: i } : { char, index: i, suggestion });
    i += char.length - 1;
  }
  return found;
}

/** Applies every suggestion; characters without one (emoji, Cyrillic …) stay as they are. */
export function replaceSuggestions(text: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUcs(code)) continue;
    const suggestion = SUGGESTIONS.get(text[i]);
    if (suggestion === undefined) continue;
    out += text.slice(copied, i) + suggestion;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
