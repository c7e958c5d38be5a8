import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

// The only reader of process.env. Everything is validated once, at first use; a bad value
// stops start-up with a message that names the setting.

const optionalUrl = z.url().optional().or(z.literal("").transform(() => undefined));
const bool = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "postgres:// ile başlayan bir bağlantı adresi olmalı")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    AUTH_SECRET: z.string().min(32, "en az 32 karakter olmalı").optional(),
    CREDENTIALS_KEY: z
      .string()
      .regex(/^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=)$/i, "32 baytlık anahtar olmalı (64 onaltılık karakter veya base64)")
      .optional(),
    SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
    INNGEST_BASE_URL: optionalUrl,
    INNGEST_SIGNING_KEY: z.string().regex(/^signkey-[a-z]+-[0-9a-f]+$/i, "signkey-<ortam>-<hex> biçiminde olmalı").optional(),
    INNGEST_EVENT_KEY: z.string().min(8).optional(),
    INNGEST_ENGINE_PORT: z.coerce.number().int().min(0).max(65535).default(8288),
    SIMULATOR_SEND_DELAY_MS: z.coerce.number().int().min(0).default(0),
    SIMULATOR_DELIVERY_DELAY_MS: z.coerce.number().int().min(0).default(1500),
    ENABLE_TEST_ROUTES: bool,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const inngestKeys = ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const;
    if (env.INNGEST_BASE_URL) {
      for (const key of inngestKeys) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "INNGEST_BASE_URL verildiğinde zorunludur" });
      }
    }
  });

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  CREDENTIALS_KEY: string;
  INNGEST_SIGNING_KEY: string;
  INNGEST_EVENT_KEY: string;
  APP_URL: string;
  /** True when no real Inngest is configured: the embedded engine runs inside the app. */
  embeddedEngine: boolean;
  /** True when the embedded PGlite database is used (no DATABASE_URL). */
  embeddedDatabase: boolean;
  dataDir: string;
};

export class EnvError extends Error {}

type GeneratedSecrets = { authSecret: string; signingKey: string; eventKey: string; credentialsKey: string };

const generators: { [K in keyof GeneratedSecrets]: () => string } = {
  authSecret: () => crypto.randomBytes(32).toString("base64url"),
  signingKey: () => `signkey-local-${crypto.randomBytes(32).toString("hex")}`,
  eventKey: () => crypto.randomBytes(24).toString("hex"),
  credentialsKey: () => crypto.randomBytes(32).toString("hex"),
};

/**
 * Secrets that must survive restarts in the zero-setup install live under the data folder. A
 * file written by an older version gets the secrets it lacks added, never the others replaced.
 */
function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<GeneratedSecrets>) : {};
  const missing = (Object.keys(generators) as (keyof GeneratedSecrets)[]).filter((key) => !stored[key]);
  if (missing.length === 0) return stored as GeneratedSecrets;
  for (const key of missing) stored[key] = generators[key]();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored as GeneratedSecrets;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(genel)"}: ${issue.message}`);
    throw new EnvError(`Geçersiz yapılandırma (invalid configuration):\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const needsGenerated = !env.AUTH_SECRET || !env.INNGEST_SIGNING_KEY || !env.INNGEST_EVENT_KEY || !env.CREDENTIALS_KEY;
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : undefined;
  return {
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? generated!.authSecret,
    CREDENTIALS_KEY: env.CREDENTIALS_KEY ?? generated!.credentialsKey,
    INNGEST_SIGNING_KEY: env.INNGEST_SIGNING_KEY ?? generated!.signingKey,
    INNGEST_EVENT_KEY: env.INNGEST_EVENT_KEY ?? generated!.eventKey,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    embeddedEngine: !env.INNGEST_BASE_URL,
    embeddedDatabase: !env.DATABASE_URL,
    dataDir,
  };
}

const globalForEnv = globalThis as unknown as { __icraEnv?: Env };

export function getEnv(): Env {
  globalForEnv.__icraEnv ??= parseEnv(process.env);
  return globalForEnv.__icraEnv;
}
