/**
 * The engine reads time only through a Clock, so tests can run days of sleeps and retries in
 * milliseconds. `waitUntil` resolves at the given time or as soon as `signal` aborts.
 */
export interface Clock {
  now(): number;
  waitUntil(at: number, signal: AbortSignal): Promise<void>;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  waitUntil(at: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      // setTimeout overflows above ~24.8 days; the loop simply waits again.
      const timer = setTimeout(done, Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1));
      signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
    });
  }
}

/** Time stands still until a test moves it. */
export class ManualClock implements Clock {
  private current: number;
  private waiters = new Set<{ at: number; resolve: () => void }>();

  constructor(start: number | Date = Date.UTC(2030, 0, 7, 6, 0, 0)) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward (never back) and releases everyone waiting for a time now reached. */
  set(time: number): void {
    if (time <= this.current) return;
    this.current = time;
    for (const waiter of [...this.waiters]) {
      if (waiter.at <= time) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }

  waitUntil(at: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || at <= this.current) return resolve();
      const waiter = { at, resolve: () => resolve() };
      this.waiters.add(waiter);
      signal.addEventListener(
        "abort",
        () => {
          this.waiters.delete(waiter);
          resolve();
        },
        { once: true },
      );
    });
  }
}
