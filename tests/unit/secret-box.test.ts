import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseKey, seal } from "@/lib/crypto/secret-box";

const key = crypto.randomBytes(32);

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = seal('{"password":"gizli-parola"}', key, "row-1");
    expect(sealed).not.toContain("gizli");
    expect(open(sealed, key, "row-1")).toBe('{"password":"gizli-parola"}');
  });

  it("uses a fresh IV each time", () => {
    expect(seal("x", key)).not.toBe(seal("x", key));
  });

  it("refuses a tampered value, the wrong key and another row", () => {
    const sealed = seal("secret", key, "row-1");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("SECRET").toString("base64url");
    expect(() => open(parts.join("."), key, "row-1")).toThrow();
    expect(() => open(sealed, crypto.randomBytes(32), "row-1")).toThrow();
    expect(() => open(sealed, key, "row-2")).toThrow();
  });

  it("reads hex and base64 keys of 32 bytes only", () => {
    expect(parseKey(key.toString("hex"))).toEqual(key);
    expect(parseKey(key.toString("base64"))).toEqual(key);
    expect(() => parseKey("abcd")).toThrow(/32 bytes/);
  });
});
