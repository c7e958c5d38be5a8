import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/test-db";
import { testSigningKey } from "../../support/engine-harness";

type Status = { sleeping: number; open: number; runs: number };

const childScript = path.join(process.cwd(), "tests", "support", "engine-child.ts");

/**
 * Kills the whole app process (SIGKILL) while runs sleep and again while a step executes, then
 * starts it once more on the same database: every run completes, and no step whose result was
 * stored runs again.
 */
describe("recovery after kill -9", () => {
  let testDb: TestDatabase | undefined;
  let workDir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-crash-"));
    // PostgreSQL when configured; otherwise PGlite in a folder, which only one process may open.
    if (process.env.DATABASE_URL) testDb = await createTestDatabase();
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await testDb?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  const logFile = () => path.join(workDir, "executions.log");
  const lines = () => (fs.existsSync(logFile()) ? fs.readFileSync(logFile(), "utf8").trim().split("\n") : []);

  /** Starts the app; resolves when `until` holds for a STATUS line or a log line, or when it exits. */
  function startApp(env: Record<string, string>, until: (status: Status) => boolean) {
    // node itself, with tsx as a loader: the tsx CLI would run the app in a grandchild that
    // SIGKILL would not reach.
    const child = spawn(process.execPath, ["--import", "tsx", childScript], {
      env: {
        ...process.env,
        ENGINE_CHILD_LOG: logFile(),
        ENGINE_CHILD_SIGNING_KEY: testSigningKey,
        ...(testDb?.url ? { ENGINE_CHILD_DB_URL: testDb.url } : { ENGINE_CHILD_DATA_DIR: path.join(workDir, "data") }),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    return new Promise<{ child: ChildProcess; status?: Status; code?: number | null }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child timed out; stderr: ${stderr}`)), 60_000);
      readline.createInterface({ input: child.stdout! }).on("line", (line) => {
        if (!line.startsWith("STATUS ")) return;
        const status = JSON.parse(line.slice(7)) as Status;
        if (until(status)) {
          clearTimeout(timer);
          resolve({ child, status });
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code !== 0) reject(new Error(`child exited with ${code}; stderr: ${stderr}`));
        else resolve({ child, code });
      });
    });
  }

  function kill(child: ChildProcess) {
    return new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }

  it("resumes every run, runs each finished step once, and retries the step that was executing", async () => {
    const started = performance.now();
    // 1: start three runs; kill once all three are stored as sleeping.
    const first = await startApp({ ENGINE_CHILD_SEND: "3" }, (status) => status.sleeping === 3);
    await kill(first.child);
    expect(lines().filter((line) => line.startsWith("a:")).sort()).toEqual(["a:r0", "a:r1", "a:r2"]);

    // 2: start again; the sleeps end and the slow step begins; kill in the middle of it.
    let slowStarted = false;
    const second = startApp({}, () => {
      slowStarted ||= lines().some((line) => line.startsWith("slow-start:"));
      return slowStarted;
    });
    const { child } = await second;
    await kill(child);
    const killedMidStep = lines().filter((line) => line.startsWith("slow-start:"));
    expect(killedMidStep.length).toBeGreaterThan(0);
    expect(lines().filter((line) => line.startsWith("slow-end:"))).toEqual([]);

    // 3: start once more and let it finish.
    const third = await startApp({ ENGINE_CHILD_EXIT_WHEN_DONE: "1" }, () => false);
    expect(third.code).toBe(0);

    const all = lines();
    const countOf = (prefix: string) => all.filter((line) => line.startsWith(prefix)).length;
    for (const id of ["r0", "r1", "r2"]) {
      expect(countOf(`a:${id}`)).toBe(1);
      expect(countOf(`slow-end:${id}`)).toBe(1);
      expect(countOf(`c:${id}`)).toBe(1);
    }
    // At-least-once: a step cut off by the kill ran again.
    expect(countOf("slow-start:")).toBe(3 + killedMidStep.length);
    console.log(`three processes, two kill -9: ${Math.round(performance.now() - started)} ms wall time`);
  }, 120_000);
});
