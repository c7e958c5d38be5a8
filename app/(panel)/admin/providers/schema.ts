import { z } from "zod";
import { providerKind } from "@/lib/db/schema/providers";
import { providerCatalog } from "@/lib/sms/providers/catalog";

// Messages are catalog keys under "admin.providers.errors". Credentials are checked against the
// chosen provider's own schema, and their errors land on "credentials.<field>".
export const addProviderSchema = z
  .object({
    kind: z.enum(providerKind.enumValues),
    label: z.string().trim().min(1, "labelRequired").max(60),
    credentials: z.record(z.string(), z.string().optional()),
    baseUrl: z.union([z.literal(""), z.url("url")]),
    validForMinutes: z.union([z.literal(""), z.coerce.number().int("validity").min(1, "validity").max(2880, "validity")]),
    allowedIps: z.string().refine((value) => value.trim() === "" || value.split(",").every((ip) => /^[0-9a-f:.]+$/i.test(ip.trim())), "ip"),
  })
  .superRefine(
    (value, ctx) => {
      const parsed = providerCatalog[value.kind].schema.safeParse(value.credentials ?? {});
      if (parsed.success) return;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["credentials", ...issue.path], message: issue.message });
    },
    // Run even when another field failed, so every mistake shows at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null && (payload.value as { kind?: string }).kind! in providerCatalog },
  );

export type AddProviderInput = z.input<typeof addProviderSchema>;

export const providerIdSchema = z.object({ id: z.uuid() });
export const moveProviderSchema = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) });
export const toggleProviderSchema = z.object({ id: z.uuid(), enabled: z.boolean() });
