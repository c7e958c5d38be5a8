import { friendlyFormatIBAN, isValidIBAN } from "ibantools";

// Central bank EFT participant codes of the banks offices use (docs reference/providers.md).
const BANK_NAMES: Readonly<Record<string, string>> = {
  "00010": "Ziraat",
  "00012": "Halkbank",
  "00015": "VakıfBank",
  "00032": "TEB",
  "00046": "Akbank",
  "00059": "Şekerbank",
  "00062": "Garanti BBVA",
  "00064": "İş Bankası",
  "00067": "Yapı Kredi",
  "00099": "ING",
  "00103": "Fibabanka",
  "00111": "QNB",
  "00123": "HSBC",
  "00124": "Alternatifbank",
  "00125": "Burgan",
  "00134": "DenizBank",
  "00135": "Anadolubank",
  "00146": "Odeabank",
  "00203": "Albaraka Türk",
  "00205": "Kuveyt Türk",
  "00206": "Türkiye Finans",
  "00209": "Ziraat Katılım",
  "00210": "Vakıf Katılım",
  "00211": "Emlak Katılım",
};

// TR + 2 check digits + 5-digit bank code + reserve character + 16 account characters.
const TR_IBAN = /^TR\d{7}[0-9A-Z]{17}$/;

export type TrIbanResult =
  | { ok: true; iban: string; bankCode: string; bankName?: string; display: string }
  | { ok: false; error: "format" | "checksum" | "reserve-digit" | "country" };

/** Electronic form: separators pasted along with the number (spaces, NBSP, dashes) removed. */
function electronic(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/** Groups of four, as IBANs are printed for people: "TR33 0006 1005 …". */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(electronic(iban)) ?? "";
}

/**
 * Checks an office IBAN before it goes into payment SMS texts. ibantools checks the mod-97
 * digits but lets a TR reserve digit other than "0" through, so that rule is added here.
 */
export function validateTrIban(input: string): TrIbanResult {
  const iban = electronic(input);
  if (/^[A-Z]{2}/.test(iban) && !iban.startsWith("TR")) return { ok: false, error: "country" };
  if (!TR_IBAN.test(iban)) return { ok: false, error: "format" };
  if (iban[9] !== "0") return { ok: false, error: "reserve-digit" };
  if (!isValidIBAN(iban)) return { ok: false, error: "checksum" };
  const bankCode = iban.slice(4, 9);
  const bankName = BANK_NAMES[bankCode];
  return { ok: true, iban, bankCode, ...(bankName ? { bankName } : {}), display: formatIban(iban) };
}
