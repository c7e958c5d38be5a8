// Per-address limit on sign-in attempts, on top of the per-account lockout: it slows down one
// address trying many accounts. In memory: enough for the single server this panel runs on, and
// a restart only forgives a minute's attempts.
const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 20;

const globalForLimit = globalThis as unknown as { __icraLoginAttempts?: Map<string, number[]> };
const attempts = (globalForLimit.__icraLoginAttempts ??= new Map());

/**
 * Records an attempt from this address; false when it is over the limit. Without an address
 * (no reverse proxy reporting one) nothing is limited: one shared bucket would lock out a
 * whole office at nine in the morning.
 */
export function allowLoginAttempt(ip: string | null, now = Date.now()): boolean {
  if (!ip) return true;
  const key = ip;
  const recent = (attempts.get(key) ?? []).filter((at: number) => now - at < WINDOW_MS);
  if (recent.length >= MAX_ATTEMPTS) {
    attempts.set(key, recent);
    return false;
  }
  recent.push(now);
  attempts.set(key, recent);
  if (attempts.size > 10_000) attempts.clear();
  return true;
}
