import { startAppServer } from "./app-server";
import { E2E_ENGINE_PORT, E2E_PORT } from "./ports";

// One production server for the suite; specs that need their own (restart tests) start more.
export default async function globalSetup() {
  const { ensureBuild } = await import("../../../scripts/ensure-build.mjs");
  ensureBuild();
  const server = await startAppServer({ name: "main", port: E2E_PORT, enginePort: E2E_ENGINE_PORT });
  return async () => {
    await server.stop();
  };
}
