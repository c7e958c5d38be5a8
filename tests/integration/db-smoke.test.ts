import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { offices, parties } from "@/lib/db/schema";
import { isSeeded, seedDemo } from "@/lib/db/seed";

describe("database", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("applies the migrations and stores Turkish text unchanged", async () => {
    const [row] = await testDb.db
      .insert(offices)
      .values({ name: "Aksaray İcra Dairesi", city: "Aksaray", senderName: "AKSARAYICRA", iban: "TR330006100519786457841326" })
      .returning();
    const [found] = await testDb.db.select().from(offices).where(sql`${offices.id} = ${row.id}`);
    expect(found.name).toBe("Aksaray İcra Dairesi");
    expect(found.timeZone).toBe("Europe/Istanbul");
  });
});

describe("demo seed", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("is idempotent and knows when it is complete", async () => {
    expect(await isSeeded(testDb.db)).toBe(false);
    await seedDemo(testDb.db);
    const count = async () => (await testDb.db.select().from(parties)).length;
    const first = await count();
    await seedDemo(testDb.db);
    expect(await count()).toBe(first);
    expect(first).toBeGreaterThan(0);
    expect(await isSeeded(testDb.db)).toBe(true);
  });
});
