// Next.js calls register() once per server process, before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const flag = globalThis as unknown as { __icraBooted?: boolean };
  if (flag.__icraBooted) return;
  flag.__icraBooted = true;
  const { boot } = await import("./lib/server/boot");
  await boot();
}
