import type { Database } from "@/lib/db/client";
import { seedDemo, DEMO_OFFICES } from "@/lib/db/seed";
import { users } from "@/lib/db/schema";
import { eq } from "drizzle-orm";

export const AKSARAY = DEMO_OFFICES[0].id;
export const NIGDE = DEMO_OFFICES[1].id;

/** Seeds the demo offices and returns the Aksaray clerk's id. */
export async function seedWithClerk(db: Database): Promise<string> {
  await seedDemo(db);
  const [clerk] = await db.select({ id: users.id }).from(users).where(eq(users.email, "katip@aksaray.demo"));
  return clerk.id;
}
