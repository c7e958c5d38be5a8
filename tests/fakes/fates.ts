import crypto from "node:crypto";

/**
 * What the fake "network" does with a message. Deterministic by number so a test can compute
 * what to expect: the national number's last digit 0 → undelivered, 9 → expired, anything else
 * delivered. Numbers listed as blacklisted are refused by the provider ("blacklisted").
 */
export type Fate = "delivered" | "undelivered" | "expired" | "blacklisted";

export function defaultFate(number: string): Fate {
  const last = number.replace(/\D/g, "").slice(-1);
  if (last === "0") return "undelivered";
  if (last === "9") return "expired";
  return "delivered";
}

export type FateOptions = {
  /** Overrides the last-digit rule. */
  fate?: (number: string) => Fate;
  /** National numbers (5XXXXXXXXX) the account has blacklisted. */
  blacklist?: string[];
  /** Each message reaches its final state after a delay in this range, chosen by its id (so out of order). */
  reportDelayMs?: [number, number];
  /** The fake's clock; tests move it forward to get past rate-limit windows. */
  now?: () => number;
};

export type LedgerEntry = { id: string; number: string; fate: Fate; acceptedAt: number; finalAt: number };

/** The messages a fake accepted, with the fate and the time each one becomes final. */
export class Ledger<E extends LedgerEntry> {
  readonly entries: E[] = [];
  readonly now: () => number;
  private readonly options: FateOptions;

  constructor(options: FateOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  fateOf(number: string): Fate {
    const national = number.replace(/\D/g, "").slice(-10);
    if (this.options.blacklist?.includes(national)) return "blacklisted";
    return (this.options.fate ?? defaultFate)(national);
  }

  delayOf(id: string): number {
    const [min, max] = this.options.reportDelayMs ?? [5, 60];
    const h = crypto.createHash("sha1").update(id).digest().readUInt32BE(0);
    return min + (h % (max - min + 1));
  }

  /** Adds an accepted message; `startAt` delays it (scheduled sends). */
  add(fields: Omit<E, "fate" | "acceptedAt" | "finalAt">, startAt?: number): E {
    const acceptedAt = this.now();
    const entry = {
      ...fields,
      fate: this.fateOf(fields.number),
      acceptedAt,
      finalAt: Math.max(acceptedAt, startAt ?? 0) + this.delayOf(fields.id),
    } as E;
    this.entries.push(entry);
    return entry;
  }

  isFinal(entry: E): boolean {
    return this.now() >= entry.finalAt;
  }

  /** Resolves once every message has reached its final state by the fake's clock. */
  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = Math.max(0, ...this.entries.map((e) => e.finalAt));
      const wait = last - this.now();
      if (wait <= 0) return;
      if (Date.now() + wait > deadline) throw new Error("fake ledger did not settle in time");
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 50)));
    }
  }
}

/** A clock a test can move forward (rate-limit windows) while time still passes normally. */
export function movableClock(): { now: () => number; advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => void (offset += ms) };
}
