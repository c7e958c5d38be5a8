import crypto from "node:crypto";

// The SDK (helpers/net.ts) signs with HMAC-SHA256 keyed by the signing key minus its
// `signkey-<env>-` prefix, taken as text (the hex digits are not decoded). A request is verified
// over canonicalize(JSON.parse(body)) + t; a response over its raw body text + t.

const prefix = /^signkey-[\w]+-/;
/** The SDK refuses signatures older (or newer) than this. */
export const signatureMaxAgeMs = 5 * 60 * 1000;

export function stripKeyPrefix(signingKey: string): string {
  return signingKey.replace(prefix, "");
}

/** RFC 8785-style canonical JSON, byte-identical to the `canonicalize` package the SDK uses. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item === undefined || typeof item === "symbol" ? null : item)).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined || typeof item === "symbol") continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(",")}}`;
}

function hmac(signingKey: string, text: string): string {
  return crypto.createHmac("sha256", stripKeyPrefix(signingKey)).update(text).digest("hex");
}

/**
 * The header value for a request whose body is `bodyText`. `bodyText` must already be canonical
 * JSON (or empty), because the SDK re-serialises the parsed body before hashing it.
 * Always wall-clock time: the SDK compares `t` with its own Date.now(), whatever the engine's clock says.
 */
export function signRequest(bodyText: string, signingKey: string, unixSeconds = Math.round(Date.now() / 1000)): string {
  return `t=${unixSeconds}&s=${hmac(signingKey, bodyText + unixSeconds)}`;
}

/** Checks the signature the SDK puts on its responses (over the raw body text). */
export function verifyResponse(bodyText: string, header: string | null, signingKey: string): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = params.get("t");
  const s = params.get("s");
  if (!t || !s || !/^\d+$/.test(t)) return false;
  if (Math.abs(Date.now() - Number(t) * 1000) > signatureMaxAgeMs) return false;
  const expected = Buffer.from(hmac(signingKey, bodyText + t));
  const actual = Buffer.from(s);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/**
 * What the SDK sends as `Authorization: Bearer …` to `/fn/register`: the prefix kept, the key's
 * hex digits decoded and hashed with SHA-256 (helpers/strings.ts hashSigningKey).
 */
export function hashSigningKey(signingKey: string): string {
  const keyPrefix = prefix.exec(signingKey)?.[0] ?? "";
  return `${keyPrefix}${crypto.createHash("sha256").update(Buffer.from(stripKeyPrefix(signingKey), "hex")).digest("hex")}`;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
