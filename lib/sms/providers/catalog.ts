import { z } from "zod";
import type { ProviderKind } from "@/lib/db/schema";

// What an office enters for each provider. Field names are catalog keys under
// "providers.fields"; secret fields are never sent back to the browser.

export type CredentialField = { name: string; secret?: boolean; type?: "text" | "number" };

const required = z.string({ error: "required" }).trim().min(1, "required");

export const providerCatalog = {
  netgsm: {
    fields: [{ name: "usercode" }, { name: "password", secret: true }, { name: "msgheader" }],
    schema: z.object({ usercode: required, password: required, msgheader: required.max(11, "senderTooLong") }),
  },
  verimor: {
    fields: [{ name: "username" }, { name: "password", secret: true }, { name: "sourceAddr" }],
    schema: z.object({ username: required, password: required, sourceAddr: required.max(11, "senderTooLong") }),
  },
  iletimerkezi: {
    fields: [{ name: "apiKey" }, { name: "apiHash", secret: true }, { name: "sender" }],
    schema: z.object({ apiKey: required, apiHash: required, sender: required.max(11, "senderTooLong") }),
  },
  twilio: {
    fields: [{ name: "accountSid" }, { name: "authToken", secret: true }, { name: "from" }],
    schema: z.object({ accountSid: required.regex(/^AC[0-9a-fA-F]{32}$/, "accountSidFormat"), authToken: required, from: required }),
  },
  smpp: {
    fields: [{ name: "host" }, { name: "port", type: "number" }, { name: "systemId" }, { name: "password", secret: true }, { name: "sourceAddr" }],
    schema: z.object({
      host: required,
      port: z.coerce.number({ error: "portRange" }).int("portRange").min(1, "portRange").max(65535, "portRange"),
      systemId: required,
      password: required,
      sourceAddr: required.max(11, "senderTooLong"),
    }),
  },
} satisfies Record<ProviderKind, { fields: CredentialField[]; schema: z.ZodType }>;

export const providerKinds = Object.keys(providerCatalog) as ProviderKind[];

export type ProviderCredentials<K extends ProviderKind> = z.infer<(typeof providerCatalog)[K]["schema"]>;
