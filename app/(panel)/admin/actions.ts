"use server";

import { revalidatePath } from "next/cache";
import { PublicError } from "@/lib/actions/errors";
import { userAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { setUserActive } from "@/lib/db/queries/users";
import { setUserActiveSchema } from "./schema";

/** Disabling takes effect on the user's next request: every request re-reads the user row. */
export const setUserActiveAction = userAction({ name: "user.set-active", role: "admin" }, setUserActiveSchema, async (input, ctx) => {
  if (input.userId === ctx.user.id && !input.active) throw new PublicError("admin.cannotDisableSelf");
  await db.transaction(async (tx) => {
    const found = await setUserActive(tx, { officeId: ctx.officeId, userId: input.userId, active: input.active });
    if (!found) throw new PublicError("errors.notFound", 404);
    await ctx.audit(tx, { entity: "user", entityId: input.userId, details: { active: input.active } });
  });
  revalidatePath("/admin");
  return { active: input.active };
});
