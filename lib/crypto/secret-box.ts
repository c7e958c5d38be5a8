import crypto from "node:crypto";

// Provider credentials at rest: AES-256-GCM with a random 12-byte IV per value. The stored form
// "v1.<iv>.<tag>.<ciphertext>" (base64url) names its version so the key or scheme can change.

const VERSION = "v1";

export function parseKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("CREDENTIALS_KEY must be 32 bytes (64 hex characters or base64)");
  return key;
}

export function seal(plaintext: string, key: Buffer, associatedData?: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  if (associatedData) cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/**
 * The associated data binds a value to its row (e.g. the provider setting's id), so a
 * ciphertext copied into another office's row does not decrypt.
 */
export function open(sealed: string, key: Buffer, associatedData?: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("unrecognised sealed value");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  if (associatedData) decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
