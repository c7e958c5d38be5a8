/**
 * A sliding-window request budget (e.g. Netgsm's 10 report queries per minute). Adapters ask
 * before calling so that they never earn the provider's own throttling answer, which some
 * providers punish with a longer lock-out than the window itself.
 */
export class RateWindow {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one slot and returns 0, or returns the milliseconds until a slot frees up (taking nothing). */
  take(): number {
    const now = this.now();
    while (this.stamps.length > 0 && this.stamps[0] <= now - this.windowMs) this.stamps.shift();
    if (this.stamps.length >= this.limit) return this.stamps[0] + this.windowMs - now;
    this.stamps.push(now);
    return 0;
  }
}
