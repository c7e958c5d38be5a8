export type PushAttempt = { url: string; status: number | "error"; at: number };

type Job = { url: string; init: { body: string; headers: Record<string, string> }; attempt: number };

/**
 * How a provider pushes delivery reports: POST to the customer's URL, and on anything but
 * 200 try again later, a fixed number of times (Verimor: 3 more tries, 5 minutes apart).
 * Tests shorten the interval.
 */
export class Pusher {
  readonly attempts: PushAttempt[] = [];
  private readonly queue: Job[] = [];
  private running = 0;
  private waiting = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly options: { retries: number; retryDelayMs: number; concurrency?: number; accept?: (status: number) => boolean },
  ) {}

  push(url: string, init: Job["init"]): void {
    this.queue.push({ url, init, attempt: 0 });
    this.pump();
  }

  /** Resolves when nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    this.waiting = 0;
    this.settle();
  }

  private isIdle() {
    return this.queue.length === 0 && this.running === 0 && this.waiting === 0;
  }

  private settle() {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump() {
    while (this.running < (this.options.concurrency ?? 8) && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      void this.deliver(job).finally(() => {
        this.running--;
        this.pump();
        this.settle();
      });
    }
  }

  private async deliver(job: Job) {
    let status: number | "error";
    try {
      const response = await fetch(job.url, { method: "POST", body: job.init.body, headers: job.init.headers });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = "error";
    }
    this.attempts.push({ url: job.url, status, at: Date.now() });
    const accepted = typeof status === "number" && (this.options.accept ?? ((s) => s === 200))(status);
    if (accepted || job.attempt >= this.options.retries) return;
    this.waiting++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting--;
      this.queue.push({ ...job, attempt: job.attempt + 1 });
      this.pump();
    }, this.options.retryDelayMs);
    this.timers.add(timer);
  }
}
