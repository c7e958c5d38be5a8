import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { seedWithClerk } from "../support/fixtures";
import { auditLog, users } from "@/lib/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { DEMO_PASSWORD } from "@/lib/db/seed";

describe("log-in lockout", () => {
  let testDb: TestDatabase;
  let clerkId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    clerkId = await seedWithClerk(testDb.db);
  });
  afterAll(async () => testDb?.close());

  it("locks after five wrong passwords, refuses the right one for 15 minutes and audits every attempt", async () => {
    const start = new Date("2026-12-03T10:00:00Z");
    const reasons: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const result = await checkCredentials(testDb.db, { email: "KATIP@aksaray.demo", password: "yanlış", ip: "10.0.0.5", now: start });
      reasons.push(result.ok ? "ok" : result.reason);
    }
    expect(reasons).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);

    const during = await checkCredentials(testDb.db, { email: "katip@aksaray.demo", password: DEMO_PASSWORD, now: new Date(start.getTime() + 14 * 60_000) });
    expect(during).toMatchObject({ ok: false, reason: "locked" });

    const rows = await testDb.db
      .select({ action: auditLog.action, ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, clerkId), like(auditLog.action, "auth.%")))
      .orderBy(asc(auditLog.id));
    expect(rows.map((row) => row.action)).toEqual([
      "auth.login.failed",
      "auth.login.failed",
      "auth.login.failed",
      "auth.login.failed",
      "auth.login.failed",
      "auth.account.locked",
      "auth.login.locked",
      "auth.login.locked",
    ]);
    expect(rows[0].ip).toBe("10.0.0.5");

    const after = await checkCredentials(testDb.db, { email: "katip@aksaray.demo", password: DEMO_PASSWORD, now: new Date(start.getTime() + 16 * 60_000) });
    expect(after.ok).toBe(true);
    const [user] = await testDb.db.select().from(users).where(eq(users.id, clerkId));
    expect(user).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("refuses a disabled user even with the right password", async () => {
    await testDb.db.update(users).set({ active: false }).where(eq(users.email, "mudur@aksaray.demo"));
    const result = await checkCredentials(testDb.db, { email: "mudur@aksaray.demo", password: DEMO_PASSWORD });
    expect(result).toMatchObject({ ok: false, reason: "inactive" });
  });
});
