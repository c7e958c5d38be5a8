import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, resolveTimeString } from "@/inngest/dev-engine/retry";

describe("backoffDelay", () => {
  it("starts at 15 s and doubles", () => {
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
  });

  it("is capped at about two hours", () => {
    expect(backoffDelay(30, () => 0)).toBe(2 * 60 * 60 * 1000);
  });

  it("adds up to 20% jitter", () => {
    expect(backoffDelay(0, () => 1)).toBe(18_000);
    const delay = backoffDelay(2);
    expect(delay).toBeGreaterThanOrEqual(60_000);
    expect(delay).toBeLessThanOrEqual(72_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("2030-01-01T00:01:00.000Z", Date.parse("2030-01-01T00:00:00Z"))).toBe(60_000);
  });

  it("ignores missing or unreadable values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("resolveTimeString", () => {
  const now = Date.parse("2030-01-07T06:00:00Z");

  it("adds SDK duration strings to now", () => {
    expect(resolveTimeString("3d", now)).toBe(now + 3 * 86_400_000);
    expect(resolveTimeString("2h30m10s", now)).toBe(now + 9_010_000);
    expect(resolveTimeString("1w", now)).toBe(now + 7 * 86_400_000);
  });

  it("takes an ISO date as absolute, and rejects nonsense", () => {
    expect(resolveTimeString("2030-01-08T00:00:00.000Z", now)).toBe(Date.parse("2030-01-08T00:00:00Z"));
    expect(resolveTimeString("", now)).toBe(now);
    expect(resolveTimeString("tomorrow-ish", now)).toBeUndefined();
  });
});
