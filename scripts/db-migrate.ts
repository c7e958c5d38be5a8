// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, or to the embedded PGlite
// under DATA_DIR when none is set. The app also does this at every start.
import { getDbHandle } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { getEnv } from "../lib/env";

async function main() {
  const handle = getDbHandle();
  await runMigrations(handle.db, handle.kind);
  console.log(`Göçler uygulandı (${handle.kind}${getEnv().DATABASE_URL ? "" : `, ${getEnv().dataDir}`}).`);
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
