import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { offices } from "@/lib/db/schema";

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
