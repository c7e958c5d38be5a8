import { isValidIBAN } from "ibantools";
import { describe, expect, it } from "vitest";
import { formatIban, validateTrIban } from "@/lib/sms/iban";

/** ISO 13616 check digits, computed here without ibantools so the fixtures are checked twice. */
function checkDigits(country: string, bban: string): string {
  const digits = (bban + country + "00").replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return String(98n - (BigInt(digits) % 97n)).padStart(2, "0");
}

// Ziraat (00010), reserve digit 0, account 0001234567890123.
const ZIRAAT = "TR750001000001234567890123";
// The same account with reserve digit 1: the mod-97 digits are right, the TR rule is not.
const RESERVE_ONE = "TR500001010001234567890123";

describe("validateTrIban", () => {
  it("has fixtures with correct mod-97 check digits", () => {
    expect(checkDigits("TR", ZIRAAT.slice(4))).toBe(ZIRAAT.slice(2, 4));
    expect(checkDigits("TR", RESERVE_ONE.slice(4))).toBe(RESERVE_ONE.slice(2, 4));
    expect(isValidIBAN(ZIRAAT)).toBe(true);
    expect(isValidIBAN(RESERVE_ONE)).toBe(true);
  });

  it("accepts a valid TR IBAN typed with spaces and lower case, and names the bank", () => {
    expect(validateTrIban(" tr75 0001 0000 0123 4567 8901 23 ")).toEqual({
      ok: true,
      iban: ZIRAAT,
      bankCode: "00010",
      bankName: "Ziraat",
      display: "TR75 0001 0000 0123 4567 8901 23",
    });
    expect(validateTrIban("TR75-0001-0000-0123-4567-8901-23")).toMatchObject({ ok: true, iban: ZIRAAT });
  });

  it("accepts a bank code that is not in the list, without a name", () => {
    const result = validateTrIban("TR33 0006 1005 1978 6457 8413 26");
    expect(result).toEqual({
      ok: true,
      iban: "TR330006100519786457841326",
      bankCode: "00061",
      display: "TR33 0006 1005 1978 6457 8413 26",
    });
  });

  it("rejects a wrong checksum", () => {
    expect(validateTrIban("TR76 0001 0000 0123 4567 8901 23")).toEqual({ ok: false, error: "checksum" });
    expect(validateTrIban("TR75 0001 0000 0123 4567 8901 24")).toEqual({ ok: false, error: "checksum" });
  });

  it("rejects a reserve digit other than 0 even when the checksum passes", () => {
    expect(validateTrIban(RESERVE_ONE)).toEqual({ ok: false, error: "reserve-digit" });
  });

  it("rejects other countries and malformed input", () => {
    expect(validateTrIban("DE89 3704 0044 0532 0130 00")).toEqual({ ok: false, error: "country" });
    expect(validateTrIban("TR75 0001 0000 0123 4567 8901 2")).toEqual({ ok: false, error: "format" });
    expect(validateTrIban("TR75 0001 0000 0123 4567 8901 234")).toEqual({ ok: false, error: "format" });
    expect(validateTrIban("TR75 A001 0000 0123 4567 8901 23")).toEqual({ ok: false, error: "format" });
    expect(validateTrIban("")).toEqual({ ok: false, error: "format" });
    expect(validateTrIban("12 3456")).toEqual({ ok: false, error: "format" });
  });
});

describe("formatIban", () => {
  it("groups the electronic form in fours", () => {
    expect(formatIban("TR750001000001234567890123")).toBe("TR75 0001 0000 0123 4567 8901 23");
    expect(formatIban("tr75 00010000 01234567890123")).toBe("TR75 0001 0000 0123 4567 8901 23");
  });
});
