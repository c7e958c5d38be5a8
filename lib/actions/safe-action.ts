import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import type { Transaction } from "@/lib/db/client";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { clientIp } from "@/lib/auth/client-ip";
import { writeAudit } from "@/lib/audit/write-audit";
import type { UserRole } from "@/lib/db/schema";
import { errorMessage, logger } from "@/lib/logger";
import { PublicError, type ActionResult } from "./errors";

export type ActionContext = {
  user: CurrentUser;
  /** Always the user's office, from the database; never from the form. */
  officeId: string;
  ip: string | null;
  /** Appends the action's audit row inside the caller's transaction. */
  audit: (tx: Transaction, entry: { entity?: string; entityId?: string; details?: Record<string, unknown> }) => Promise<void>;
};

type Options = { name: string; role?: UserRole };

/**
 * The one way to write a server action for signed-in users: validates the input with the same
 * zod schema the form uses, checks the session, the role and the office, names the action for
 * the audit log, and turns failures into an ActionResult.
 */
export function userAction<S extends z.ZodType, R>(
  options: Options,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, error: "errors.unauthorized" };
    if (!hasRole(user.role, options.role ?? "clerk")) return { ok: false, status: 403, error: "errors.forbidden" };

    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, status: 400, error: "errors.validation", fieldErrors };
    }
    const ip = clientIp(await headers());
    const ctx: ActionContext = {
      user,
      officeId: user.officeId,
      ip,
      audit: (tx, entry) => writeAudit(tx, { officeId: user.officeId, actorId: user.id, action: options.name, ip, ...entry }),
    };
    try {
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (error) {
      if (error instanceof PublicError) return { ok: false, status: error.status, error: error.messageKey };
      logger.error("action failed", { action: options.name, userId: user.id, error: errorMessage(error) });
      return { ok: false, status: 500, error: "errors.generic" };
    }
  };
}


