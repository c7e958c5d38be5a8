import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, toTurkishUpper } from "@/lib/format";

describe("Turkish formats", () => {
  it("writes dates as dd.MM.yyyy in Europe/Istanbul", () => {
    // 21:30 UTC on 2 Dec is already 3 Dec in Istanbul (UTC+3).
    expect(formatDate(new Date("2026-12-02T21:30:00Z"))).toBe("03.12.2026");
    expect(formatDateTime(new Date("2026-12-02T21:30:00Z"))).toBe("03.12.2026 00:30");
  });

  it("writes amounts as 1.250,00 TL", () => {
    expect(formatMoney(1250)).toBe("1.250,00 TL");
    expect(formatMoney(0.5)).toBe("0,50 TL");
  });

  it("upper-cases with Turkish rules", () => {
    expect(toTurkishUpper("ilçe ışık")).toBe("İLÇE IŞIK");
  });
});
