import crypto from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID (Inngest's id format for events and runs): 48-bit time then 80 random bits, so ids sort
 * by creation time. The time is the engine clock's, which keeps list order right under a ManualClock.
 */
export function ulid(time: number, random: Buffer = crypto.randomBytes(16)): string {
  let out = "";
  let t = Math.max(0, Math.floor(time));
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32] + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += alphabet[random[i] % 32];
  return out;
}

/**
 * A ULID derived from the SDK's `x-inngest-event-id-seed` ("<ms>,<base64 entropy>") and the
 * event's index in the request. The SDK repeats the seed when it retries a send, so a retried
 * delivery gets the same ids and is recognised, as Inngest does.
 */
export function seededUlid(seed: string, index: number): string | undefined {
  const [ms, entropy] = seed.split(",");
  if (!/^\d+$/.test(ms ?? "") || !entropy) return undefined;
  const random = crypto.createHash("sha256").update(`${entropy}:${index}`).digest();
  return ulid(Number(ms), random);
}

/** The SDK's step key: SHA-1 hex of the step id (a repeated id arrives already suffixed `:n`). */
export function hashStepId(id: string): string {
  return crypto.createHash("sha1").update(id).digest("hex");
}
