// Retry timing like Inngest's: about 15 s after the first failure, doubling each time, capped at
// about 2 hours, with jitter so that failures that happened together do not retry together.

export const backoffBaseMs = 15_000;
export const backoffCapMs = 2 * 60 * 60 * 1000;
/** Up to this share of the delay is added at random. */
export const backoffJitter = 0.2;

/** Delay before the next attempt after `failedAttempt` (0-based) failed. */
export function backoffDelay(failedAttempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(failedAttempt, 20));
  return Math.round(exponential * (1 + backoffJitter * random()));
}

/**
 * The SDK's `retry-after` header (from RetryAfterError): whole seconds, or a date. Returns the
 * delay in ms, or undefined when absent or unreadable. A date was made from the app's wall clock,
 * so it is measured against the wall clock too, even when the engine runs on a ManualClock.
 */
export function parseRetryAfter(header: string | null | undefined, wallNowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - wallNowMs);
}

const units: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/**
 * Durations as the SDK serialises them ("1h", "3d", "2h30m10s"), or an ISO date for
 * sleepUntil. Returns the absolute time in ms, or undefined when unreadable.
 */
export function resolveTimeString(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return nowMs;
  if (/^(\d+(ms|w|d|h|m|s))+$/.test(text)) {
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+)(ms|w|d|h|m|s)/g)) total += Number(amount) * units[unit];
    return nowMs + total;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
