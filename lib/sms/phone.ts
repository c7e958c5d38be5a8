import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js/max";

export type PhoneCheck =
  | { ok: true; e164: string; type: ReturnType<PhoneNumber["getType"]> }
  | { ok: false; reason: "invalid" | "not-mobile" };

/**
 * Normalises what a clerk types ("0532 123 45 67", "(0532) 123-45-67", "+90 532…", "0090…")
 * to E.164. Only mobile numbers are accepted by default: a landline cannot receive an SMS.
 * The full metadata ("max") is needed to tell mobile from fixed-line, VoIP (850) and UAN (444).
 */
export function normalizePhone(input: string, options: { mobileOnly?: boolean } = {}): PhoneCheck {
  const mobileOnly = options.mobileOnly ?? true;
  const cleaned = input.trim().replace(/^00/, "+");
  if (!/^[+\d\s().-]+$/.test(cleaned)) return { ok: false, reason: "invalid" };
  const parsed = parsePhoneNumberFromString(cleaned, "TR");
  if (!parsed || !parsed.isValid()) return { ok: false, reason: "invalid" };
  const type = parsed.getType();
  if (mobileOnly && type !== "MOBILE") return { ok: false, reason: "not-mobile" };
  return { ok: true, e164: parsed.number, type };
}

/** "+905321234567" → "+90 532 123 45 67", the way Turkish numbers are read aloud. */
export function formatPhone(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (m) return `+90 ${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** For lists and logs: "+90 532 *** ** 67". */
export function maskPhone(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (m) return `+90 ${m[1]} *** ** ${m[4]}`;
  return e164.length > 6 ? `${e164.slice(0, 4)}${"*".repeat(e164.length - 6)}${e164.slice(-2)}` : "***";
}

/** National formats the Turkish providers want: Netgsm "5XXXXXXXXX", Verimor "905XXXXXXXXX". */
export function toProviderFormat(e164: string, format: "national" | "international-digits" | "e164"): string {
  if (format === "e164") return e164;
  const digits = e164.replace(/^\+/, "");
  if (format === "international-digits") return digits;
  return digits.startsWith("90") ? digits.slice(2) : digits;
}
