import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { db } from "../client";
import { users } from "../schema";

export async function listOfficeUsers(params: { officeId: string }) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, lockedUntil: users.lockedUntil })
    .from(users)
    .where(eq(users.officeId, params.officeId))
    .orderBy(asc(users.name));
}

/** Returns false when the user is not in the office. */
export async function setUserActive(executor: Executor, params: { officeId: string; userId: string; active: boolean }): Promise<boolean> {
  const updated = await executor
    .update(users)
    .set({ active: params.active, updatedAt: new Date() })
    .where(and(eq(users.id, params.userId), eq(users.officeId, params.officeId)))
    .returning({ id: users.id });
  return updated.length > 0;
}
