import { describe, expect, it } from "vitest";
import { decideCron, nextSlot, parseCron } from "@/inngest/dev-engine/cron";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("parseCron", () => {
  it("reads an optional TZ= or CRON_TZ= prefix", () => {
    expect(parseCron("TZ=Europe/Istanbul 0 9 * * 1-5")).toEqual({ tz: "Europe/Istanbul", expression: "0 9 * * 1-5" });
    expect(parseCron("CRON_TZ=UTC */5 * * * *")).toEqual({ tz: "UTC", expression: "*/5 * * * *" });
    expect(parseCron("* * * * *")).toEqual({ tz: "UTC", expression: "* * * * *" });
  });

  it("rejects a bad expression or zone with the schedule in the message", () => {
    expect(() => parseCron("every day")).toThrow(/invalid cron "every day"/);
    expect(() => parseCron("TZ=Mars/Olympus 0 9 * * *")).toThrow(/invalid cron/);
  });
});

describe("nextSlot", () => {
  it("finds the next weekday 09:00 in Istanbul, skipping the weekend", () => {
    // Friday 09:00 Istanbul is 06:00 UTC; the next slot is Monday.
    expect(iso(nextSlot("TZ=Europe/Istanbul 0 9 * * 1-5", at("2030-01-11T06:00:00Z")))).toBe("2030-01-14T06:00:00.000Z");
  });

  it("is strictly after the given time", () => {
    expect(iso(nextSlot("* * * * *", at("2030-01-07T06:00:00Z")))).toBe("2030-01-07T06:01:00.000Z");
  });
});

describe("decideCron", () => {
  it("fires nothing before the next slot", () => {
    expect(decideCron("* * * * *", at("2030-01-07T06:00:00Z"), at("2030-01-07T06:00:59Z"), 60_000)).toBeUndefined();
  });

  it("fires the due slot once and moves the mark to it", () => {
    expect(decideCron("* * * * *", at("2030-01-07T06:00:00Z"), at("2030-01-07T06:01:00Z"), 60_000)).toEqual({
      fire: at("2030-01-07T06:01:00Z"),
      missed: 0,
      mark: at("2030-01-07T06:01:00Z"),
    });
  });

  it("does not backfill: after downtime only the latest slot fires, if it is not too late", () => {
    expect(decideCron("* * * * *", at("2030-01-07T06:00:00Z"), at("2030-01-07T06:05:30Z"), 60_000)).toEqual({
      fire: at("2030-01-07T06:05:00Z"),
      missed: 4,
      mark: at("2030-01-07T06:05:00Z"),
    });
    expect(decideCron("0 * * * *", at("2030-01-07T06:00:00Z"), at("2030-01-07T09:30:00Z"), 60_000)).toEqual({
      fire: undefined,
      missed: 3,
      mark: at("2030-01-07T09:00:00Z"),
    });
  });
});
