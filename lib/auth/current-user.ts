import "server-only";
import { cache } from "react";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { offices, users, type UserRole } from "@/lib/db/schema";
import { auth } from "./config";
import { hasRole } from "./roles";

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  officeId: string;
  officeName: string;
};

/**
 * The signed-in user as the database sees them now: a disabled user or one moved to another
 * office loses access on the next request, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, officeId: users.officeId, officeName: offices.name })
    .from(users)
    .innerJoin(offices, eq(offices.id, users.officeId))
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return row ?? null;
});

/** For pages and layouts: no user → the login page; too low a role → not found. */
export async function requireUser(role: UserRole = "clerk"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, role)) notFound();
  return user;
}
