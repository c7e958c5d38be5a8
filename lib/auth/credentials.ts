import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { dummyPasswordHash, verifyPassword } from "./password";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "locked" | "inactive"; lockedUntil?: Date };

/**
 * Checks an e-mail and password, counting failures: the fifth wrong password in a row locks the
 * account for 15 minutes, and while it is locked even the right password is refused. Every
 * attempt is audited.
 */
export async function checkCredentials(
  db: Database,
  input: { email: string; password: string; ip?: string | null; now?: Date },
): Promise<CredentialCheck> {
  const now = input.now ?? new Date();
  // Not the Turkish locale: "KATIP" must become "katip", not "katıp".
  const email = input.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await writeAudit(db, { officeId: null, actorId: null, action: "auth.login.failed", ip: input.ip, details: { reason: "unknown-user" } });
    return { ok: false, reason: "invalid" };
  }
  const audit = (action: string, details: Record<string, unknown>) =>
    writeAudit(db, { officeId: user.officeId, actorId: user.id, action, entity: "user", entityId: user.id, ip: input.ip, details });

  if (user.lockedUntil && user.lockedUntil > now) {
    await audit("auth.login.locked", { lockedUntil: user.lockedUntil.toISOString() });
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  if (user.lockedUntil) {
    // The lock has run out: the count starts again.
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    // Counted in SQL so that parallel attempts cannot both read the old count.
    const [updated] = await db
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
          then ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    await audit("auth.login.failed", { reason: "wrong-password", failedLogins: updated.failedLogins });
    if (updated.lockedUntil) {
      await audit("auth.account.locked", { lockedUntil: updated.lockedUntil.toISOString(), minutes: LOCK_MINUTES });
      return { ok: false, reason: "locked", lockedUntil: updated.lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) {
    await audit("auth.login.failed", { reason: "inactive" });
    return { ok: false, reason: "inactive" };
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, user.id));
  await audit("auth.login.succeeded", {});
  return { ok: true, user };
}
