// `npm run db:seed`: writes the demo offices, users and files into the chosen database
// (DATABASE_URL, or the embedded PGlite). Safe to run again: nothing is duplicated.
import { getDbHandle } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { seedDemo } from "../lib/db/seed";

async function main() {
  const handle = getDbHandle();
  await runMigrations(handle.db, handle.kind);
  const logins = await seedDemo(handle.db);
  console.log("Demo verisi yazıldı. Girişler:");
  for (const login of logins) console.log(`  ${login.office.padEnd(22)} ${login.role.padEnd(8)} ${login.email}  ${login.password}`);
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
