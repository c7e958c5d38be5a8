import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite ships WebAssembly, argon2 and smpp native or
  // socket code that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "smpp", "postgres", "twilio"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) as its own step; the build need
  // not repeat it, which keeps `npm start` quick on a first run.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
