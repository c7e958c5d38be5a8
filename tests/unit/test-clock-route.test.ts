import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/test/clock/route";

describe("the test clock route", () => {
  it("does not exist without ENABLE_TEST_ROUTES, as in every real installation", async () => {
    expect(process.env.ENABLE_TEST_ROUTES).toBeUndefined();
    const response = await POST(new NextRequest("http://127.0.0.1:3000/api/test/clock", { method: "POST", body: JSON.stringify({ advanceMs: 60_000 }) }));
    expect(response.status).toBe(404);
  });
});
