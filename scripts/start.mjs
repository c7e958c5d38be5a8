#!/usr/bin/env node
// `npm start`: builds when needed, then serves the production build. With no settings it runs on
// the embedded defaults (PGlite under .data/, the embedded Inngest engine, the SMS simulator)
// with demo data.
import { spawn } from "node:child_process";
import { ensureBuild, nextBin, root } from "./ensure-build.mjs";

try {
  ensureBuild();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
