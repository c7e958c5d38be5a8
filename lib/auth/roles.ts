import type { UserRole } from "@/lib/db/schema";

const rank: Record<UserRole, number> = { clerk: 1, manager: 2, admin: 3 };

/** Roles are ordered: an admin may do what a manager may, a manager what a clerk may. */
export function hasRole(actual: UserRole, required: UserRole): boolean {
  return rank[actual] >= rank[required];
}
