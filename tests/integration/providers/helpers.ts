import type { MessageStatus } from "@/lib/db/schema";
import { canTransition } from "@/lib/messaging/status";
import { ProviderError } from "@/lib/sms/providers/errors";
import type { DeliveryReport, OutboundSms, ReportStatus, SendOutcome } from "@/lib/sms/providers/types";
import type { Fate } from "@/tests/fakes/fates";

export const silentLogger = { warn: () => {}, debug: () => {}, info: () => {}, error: () => {} };

/** n messages to distinct mobile numbers +90532…; the last digit decides the fake's fate. */
export function makeBatch(n: number, options: { body?: string | ((i: number) => string); start?: number; prefix?: string } = {}): OutboundSms[] {
  return Array.from({ length: n }, (_, i) => {
    const serial = (options.start ?? 0) + i;
    const body = typeof options.body === "function" ? options.body(serial) : (options.body ?? `Dosya 2024/${serial} hakkında bilgilendirme.`);
    return {
      messageId: `msg-${options.prefix ?? "m"}-${serial}`,
      officeId: "office-1",
      idempotencyKey: `key-${options.prefix ?? "m"}-${serial}`,
      to: `+90532${String(serial).padStart(7, "0")}`,
      body,
      sender: "ICRA DAIRESI",
      encoding: "gsm7",
    };
  });
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function expectedStatus(fate: Fate): ReportStatus {
  return fate === "blacklisted" ? "failed" : fate;
}

/**
 * The messages' statuses as the app would keep them: every report goes through the monotonic
 * state machine, and the transitions actually made are counted per message.
 */
export class StatusBook {
  readonly status = new Map<string, MessageStatus>();
  readonly transitions = new Map<string, number>();

  constructor(outcomes: SendOutcome[]) {
    for (const o of outcomes) if (o.outcome === "accepted") this.status.set(o.providerMessageId, "sent");
  }

  apply(reports: DeliveryReport[]): number {
    let changed = 0;
    for (const report of reports) {
      const from = this.status.get(report.providerMessageId);
      if (!from || !canTransition(from, report.status)) continue;
      this.status.set(report.providerMessageId, report.status);
      this.transitions.set(report.providerMessageId, (this.transitions.get(report.providerMessageId) ?? 0) + 1);
      changed++;
    }
    return changed;
  }

  pending(): string[] {
    return [...this.status].filter(([, s]) => s === "sent").map(([id]) => id);
  }
}

/**
 * Polls until nothing is pending, the way the cron function will: a throttled poll keeps what
 * it read and waits out retryAfterMs (on the movable clock, so the test need not sleep a minute).
 */
export async function pollUntilFinal(
  book: StatusBook,
  fetchReports: (ids: string[]) => Promise<DeliveryReport[]>,
  advance: (ms: number) => void,
  maxRounds = 50,
): Promise<{ rounds: number; throttled: number }> {
  let throttled = 0;
  for (let round = 1; round <= maxRounds; round++) {
    const pending = book.pending();
    if (pending.length === 0) return { rounds: round - 1, throttled };
    try {
      book.apply(await fetchReports(pending));
    } catch (error) {
      if (!(error instanceof ProviderError) || error.reason !== "throttled") throw error;
      throttled++;
      book.apply(error.partial ?? []);
      advance(error.retryAfterMs ?? 60_000);
    }
  }
  throw new Error(`still pending after ${maxRounds} rounds: ${book.pending().length}`);
}
