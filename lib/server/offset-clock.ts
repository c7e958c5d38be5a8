import type { Clock } from "@/inngest/dev-engine/clock";

/**
 * Real time plus an offset that end-to-end tests can move forward, so a running app's sleeps,
 * retries and cron slots fall due without waiting. Used only when ENABLE_TEST_ROUTES is on.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  private readonly waiters = new Set<{ at: number; wake: () => void }>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (ms <= 0) return;
    this.offsetMs += ms;
    for (const waiter of [...this.waiters]) if (waiter.at <= this.now()) waiter.wake();
  }

  waitUntil(at: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || at <= this.now()) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const waiter = { at, wake: done };
      // setTimeout overflows above ~24.8 days; the caller simply waits again.
      const timer = setTimeout(done, Math.min(at - this.now(), 2 ** 31 - 1));
      this.waiters.add(waiter);
      signal.addEventListener("abort", done, { once: true });
    });
  }
}

const globalForClock = globalThis as unknown as { __icraTestClock?: OffsetClock };

/** The one test clock of this process, shared by the engine and the test route. */
export function testClock(): OffsetClock {
  globalForClock.__icraTestClock ??= new OffsetClock();
  return globalForClock.__icraTestClock;
}
