"use server";

import { revalidatePath } from "next/cache";
import { PublicError } from "@/lib/actions/errors";
import { userAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { testProviderSetting } from "@/lib/messaging/test-provider";
import { createProviderSetting, deleteProviderSetting, moveProviderSetting, setProviderEnabled } from "@/lib/messaging/provider-settings";
import { providerCatalog } from "@/lib/sms/providers/catalog";
import { addProviderSchema, moveProviderSchema, providerIdSchema, toggleProviderSchema } from "./schema";

const admin = { role: "admin" } as const;

export const addProviderAction = userAction({ name: "provider.add", ...admin }, addProviderSchema, async (input, ctx) => {
  const credentials = providerCatalog[input.kind].schema.parse(input.credentials);
  const allowedIps = input.allowedIps.split(",").map((ip) => ip.trim()).filter(Boolean);
  const created = await db.transaction(async (tx) => {
    const setting = await createProviderSetting(tx, {
      officeId: ctx.officeId,
      kind: input.kind,
      label: input.label,
      credentials,
      settings: {
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
        ...(input.validForMinutes !== "" ? { validForMinutes: input.validForMinutes } : {}),
        ...(allowedIps.length ? { allowedIps } : {}),
      },
    });
    // The audit row names the provider, never the credentials.
    await ctx.audit(tx, { entity: "office_provider", entityId: setting.id, details: { kind: input.kind, label: input.label } });
    return setting;
  });
  revalidatePath("/admin/providers");
  return { id: created.id };
});

export const moveProviderAction = userAction({ name: "provider.move", ...admin }, moveProviderSchema, async (input, ctx) => {
  await db.transaction(async (tx) => {
    if (!(await moveProviderSetting(tx, { officeId: ctx.officeId, ...input }))) throw new PublicError("errors.notFound", 404);
    await ctx.audit(tx, { entity: "office_provider", entityId: input.id, details: { direction: input.direction } });
  });
  revalidatePath("/admin/providers");
  return { moved: true };
});

export const toggleProviderAction = userAction({ name: "provider.toggle", ...admin }, toggleProviderSchema, async (input, ctx) => {
  await db.transaction(async (tx) => {
    if (!(await setProviderEnabled(tx, { officeId: ctx.officeId, ...input }))) throw new PublicError("errors.notFound", 404);
    await ctx.audit(tx, { entity: "office_provider", entityId: input.id, details: { enabled: input.enabled } });
  });
  revalidatePath("/admin/providers");
  return { enabled: input.enabled };
});

export const deleteProviderAction = userAction({ name: "provider.delete", ...admin }, providerIdSchema, async (input, ctx) => {
  await db.transaction(async (tx) => {
    if (!(await deleteProviderSetting(tx, { officeId: ctx.officeId, id: input.id }))) throw new PublicError("errors.notFound", 404);
    await ctx.audit(tx, { entity: "office_provider", entityId: input.id });
  });
  revalidatePath("/admin/providers");
  return { deleted: true };
});

export const testProviderAction = userAction({ name: "provider.test", ...admin }, providerIdSchema, async (input, ctx) => {
  const result = await testProviderSetting(db, { officeId: ctx.officeId, id: input.id });
  if (!result) throw new PublicError("errors.notFound", 404);
  revalidatePath("/admin/providers");
  return result;
});
