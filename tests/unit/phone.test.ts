import { describe, expect, it } from "vitest";
import { formatPhone, maskPhone, normalizePhone, toProviderFormat } from "@/lib/sms/phone";

describe("normalizePhone", () => {
  it.each(["05321234567", "5321234567", "905321234567", "+90 532 123 45 67", "00905321234567", "(0532) 123-45-67", "0532 123 45 67"])(
    "reads %s as +905321234567",
    (input) => {
      expect(normalizePhone(input)).toEqual({ ok: true, e164: "+905321234567", type: "MOBILE" });
    },
  );

  it("refuses a landline, 850 and 444 numbers as not mobile", () => {
    expect(normalizePhone("0312 123 45 67")).toEqual({ ok: false, reason: "not-mobile" });
    expect(normalizePhone("0850 123 45 67")).toEqual({ ok: false, reason: "not-mobile" });
    expect(normalizePhone("444 1 444")).toMatchObject({ ok: false });
  });

  it("refuses text and short numbers as invalid", () => {
    expect(normalizePhone("abc")).toEqual({ ok: false, reason: "invalid" });
    expect(normalizePhone("0532 123")).toEqual({ ok: false, reason: "invalid" });
    expect(normalizePhone("")).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a landline when asked to", () => {
    expect(normalizePhone("0312 123 45 67", { mobileOnly: false })).toMatchObject({ ok: true, e164: "+903121234567" });
  });
});

describe("formatting", () => {
  it("formats, masks and converts for providers", () => {
    expect(formatPhone("+905321234567")).toBe("+90 532 123 45 67");
    expect(maskPhone("+905321234567")).toBe("+90 532 *** ** 67");
    expect(toProviderFormat("+905321234567", "national")).toBe("5321234567");
    expect(toProviderFormat("+905321234567", "international-digits")).toBe("905321234567");
  });
});
