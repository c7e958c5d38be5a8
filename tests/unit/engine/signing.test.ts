import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashStepId, seededUlid, ulid } from "@/inngest/dev-engine/ids";
import { canonicalJson, hashSigningKey, signRequest, stripKeyPrefix, verifyResponse } from "@/inngest/dev-engine/signing";

const key = `signkey-test-${"0f".repeat(32)}`;

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined, as the SDK's canonicalize does", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: "x" }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson([undefined, null, "é"])).toBe('[null,null,"é"]');
  });

  it("round-trips: canonical text parsed and canonicalised again is the same text", () => {
    const text = canonicalJson({ steps: { f00: { data: { n: 1.5, s: "ş" } } }, ctx: { run_id: "r" } });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});

describe("signRequest / verifyResponse", () => {
  it("signs body + timestamp with the key text after its prefix", () => {
    const expected = crypto.createHmac("sha256", "0f".repeat(32)).update('{"a":1}1700000000').digest("hex");
    expect(signRequest('{"a":1}', key, 1700000000)).toBe(`t=1700000000&s=${expected}`);
    expect(stripKeyPrefix(key)).toBe("0f".repeat(32));
  });

  it("accepts a fresh signature of the exact body only", () => {
    const header = signRequest("body", key);
    expect(verifyResponse("body", header, key)).toBe(true);
    expect(verifyResponse("body!", header, key)).toBe(false);
    expect(verifyResponse("body", header, `signkey-test-${"aa".repeat(32)}`)).toBe(false);
    expect(verifyResponse("body", null, key)).toBe(false);
  });

  it("rejects a signature older than five minutes", () => {
    const old = Math.round(Date.now() / 1000) - 6 * 60;
    expect(verifyResponse("body", signRequest("body", key, old), key)).toBe(false);
  });
});

describe("hashSigningKey", () => {
  it("hashes the decoded key bytes and keeps the prefix (the /fn/register bearer token)", () => {
    const digest = crypto.createHash("sha256").update(Buffer.from("0f".repeat(32), "hex")).digest("hex");
    expect(hashSigningKey(key)).toBe(`signkey-test-${digest}`);
  });
});

describe("ids", () => {
  it("hashes step ids with SHA-1", () => {
    expect(hashStepId("send")).toBe(crypto.createHash("sha1").update("send").digest("hex"));
  });

  it("makes 26-character ULIDs that sort by time", () => {
    const early = ulid(Date.parse("2030-01-01T00:00:00Z"));
    const late = ulid(Date.parse("2030-01-01T00:00:01Z"));
    expect(early).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(early < late).toBe(true);
  });

  it("derives the same ids from the SDK's event-id seed, so a retried send is recognised", () => {
    const seed = `${Date.parse("2030-01-01T00:00:00Z")},c2VlZC1lbnRyb3B5`;
    expect(seededUlid(seed, 0)).toBe(seededUlid(seed, 0));
    expect(seededUlid(seed, 1)).not.toBe(seededUlid(seed, 0));
    expect(seededUlid(seed, 0)!.slice(0, 10)).toBe(ulid(Date.parse("2030-01-01T00:00:00Z")).slice(0, 10));
    expect(seededUlid("garbage", 0)).toBeUndefined();
  });
});
