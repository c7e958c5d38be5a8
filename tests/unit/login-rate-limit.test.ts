import { describe, expect, it } from "vitest";
import { allowLoginAttempt } from "@/lib/auth/login-rate-limit";

describe("sign-in attempts per address", () => {
  it("allows 20 a minute from one address, then refuses until the minute has passed", () => {
    const now = 1_000_000;
    const results = Array.from({ length: 21 }, () => allowLoginAttempt("198.51.100.7", now));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results[20]).toBe(false);
    expect(allowLoginAttempt("198.51.100.8", now)).toBe(true);
    expect(allowLoginAttempt("198.51.100.7", now + 61_000)).toBe(true);
    expect(Array.from({ length: 30 }, () => allowLoginAttempt(null, now)).every(Boolean)).toBe(true);
  });
});
