import { describe, expect, it } from "vitest";
import { OffsetClock } from "@/lib/server/offset-clock";

describe("the test clock", () => {
  it("moves forward and wakes whoever waits for a time now reached", async () => {
    const clock = new OffsetClock();
    const start = clock.now();
    let woke = false;
    const waiting = clock.waitUntil(start + 3 * 24 * 60 * 60 * 1000, new AbortController().signal).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.advance(3 * 24 * 60 * 60 * 1000);
    await waiting;
    expect(woke).toBe(true);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3 * 24 * 60 * 60 * 1000);
  });

  it("never goes back and lets an abort end a wait", async () => {
    const clock = new OffsetClock();
    const before = clock.now();
    clock.advance(-1000);
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    const controller = new AbortController();
    const waiting = clock.waitUntil(clock.now() + 60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
