import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite ships WebAssembly, argon2 and smpp native or
  // socket code that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "smpp", "postgres", "twilio"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
