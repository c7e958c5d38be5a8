import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { testClock } from "@/lib/server/offset-clock";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const bodySchema = z.object({ advanceMs: z.number().int().min(1).max(366 * 24 * 60 * 60 * 1000) });

/**
 * Test mode only: moves the embedded engine's clock forward. Without ENABLE_TEST_ROUTES (the
 * default, and what every real installation runs with) the route does not exist; with it, it
 * still answers only requests addressed to the loopback interface.
 */
export async function POST(request: NextRequest) {
  const env = getEnv();
  if (!env.ENABLE_TEST_ROUTES || !env.embeddedEngine || !LOOPBACK.has(request.nextUrl.hostname)) {
    return NextResponse.json({ error: "not found" }, { status: 404 });
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "advanceMs must be a positive number of milliseconds" }, { status: 400 });
  const clock = testClock();
  clock.advance(parsed.data.advanceMs);
  return NextResponse.json({ now: new Date(clock.now()).toISOString() });
}
