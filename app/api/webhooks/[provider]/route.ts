import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { applyDeliveryReport } from "@/lib/messaging/apply-delivery-report";
import { isValidSimulatorKey } from "@/lib/sms/simulator/webhook-key";
import { parseSimulatorReports } from "@/lib/sms/simulator/reports";

/**
 * Delivery reports pushed by providers. Each provider authenticates in its own way; the body is
 * parsed by the provider's adapter and applied through the same monotonic transition as polling.
 */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (provider !== "simulator") return NextResponse.json({ error: "unknown provider" }, { status: 404 });
  if (!isValidSimulatorKey(new URL(request.url).searchParams.get("key"))) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const reports = parseSimulatorReports(await request.json().catch(() => null));
  if (!reports) return NextResponse.json({ error: "malformed body" }, { status: 400 });
  const accepted: string[] = [];
  for (const report of reports) {
    const outcome = await applyDeliveryReport(db, { provider: "simulator" }, report, "webhook:simulator");
    // An unknown id is not acknowledged, so the network reports it again later.
    if (outcome !== "unknown") accepted.push(report.providerMessageId);
  }
  return NextResponse.json({ accepted });
}
