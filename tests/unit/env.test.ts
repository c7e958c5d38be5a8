import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "icra-env-"));

describe("configuration", () => {
  it("generates secrets on first start and keeps them for the next", () => {
    const dir = tempDir();
    const first = parseEnv({ DATA_DIR: dir });
    const second = parseEnv({ DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.INNGEST_SIGNING_KEY).toMatch(/^signkey-local-[0-9a-f]{64}$/);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(first.embeddedDatabase).toBe(true);
    expect(first.embeddedEngine).toBe(true);
  });

  it("adds a secret that an older secrets file lacks and keeps the others", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ authSecret: "x".repeat(43), signingKey: "signkey-local-ab", eventKey: "e".repeat(48) }));
    const env = parseEnv({ DATA_DIR: dir });
    expect(env.AUTH_SECRET).toBe("x".repeat(43));
    expect(env.CREDENTIALS_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(parseEnv({ DATA_DIR: dir }).CREDENTIALS_KEY).toBe(env.CREDENTIALS_KEY);
  });

  it("names the setting that is wrong", () => {
    expect(() => parseEnv({ DATA_DIR: tempDir(), PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ DATA_DIR: tempDir(), DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATA_DIR: tempDir(), INNGEST_BASE_URL: "http://inngest:8288" })).toThrow(/INNGEST_SIGNING_KEY[\s\S]*INNGEST_EVENT_KEY/);
  });

  it("uses real Inngest when its address and keys are given", () => {
    const env = parseEnv({
      DATA_DIR: tempDir(),
      INNGEST_BASE_URL: "http://inngest:8288",
      INNGEST_SIGNING_KEY: "signkey-prod-abcdef0123",
      INNGEST_EVENT_KEY: "event-key-123",
      DATABASE_URL: "postgres://u@h/db",
      AUTH_SECRET: "a".repeat(32),
      CREDENTIALS_KEY: "ab".repeat(32),
    });
    expect(fs.existsSync(path.join(env.dataDir, "secrets.json"))).toBe(false);
    expect(env.embeddedEngine).toBe(false);
    expect(env.embeddedDatabase).toBe(false);
  });
});
