import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

// Playwright runs from the project root.
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export type AppServer = { url: string; process: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void> };
export type AppServerOptions = { name: string; port: number; enginePort: number; env?: Record<string, string>; fresh?: boolean };

/** Where a test server keeps its data: a database of its own on DATABASE_URL, or its own PGlite folder. */
export function serverStorage(name: string) {
  const dataDir = path.join(root, ".data", "e2e", name);
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  if (baseUrl) {
    const url = new URL(baseUrl);
    url.pathname = `/icra_e2e_${name.replace(/\W/g, "_")}`;
    databaseUrl = url.toString();
  }
  return { dataDir, databaseUrl, baseUrl };
}

async function resetStorage(name: string) {
  const { dataDir, databaseUrl, baseUrl } = serverStorage(name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  if (!baseUrl || !databaseUrl) return;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const dbName = new URL(databaseUrl).pathname.slice(1);
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not come up in ${timeoutMs} ms`);
}

/** Starts `next start` on the production build with its own storage and engine port. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  if (options.fresh ?? true) await resetStorage(options.name);
  const { dataDir, databaseUrl } = serverStorage(options.name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    INNGEST_ENGINE_PORT: String(options.enginePort),
    DATA_DIR: dataDir,
    SEED_DEMO: "true",
    ENABLE_TEST_ROUTES: "true",
    ...options.env,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const log = fs.openSync(path.join(dataDir, `server-${Date.now()}.log`), "a");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/login`, child, 120_000);
  return {
    url,
    process: child,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
  };
}
