import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { applyDeliveryReport } from "@/lib/messaging/apply-delivery-report";
import { handleProviderWebhook } from "@/lib/messaging/provider-webhook";
import { isValidSimulatorKey } from "@/lib/sms/simulator/webhook-key";
import { parseSimulatorReports } from "@/lib/sms/simulator/reports";

/** Delivery reports pushed by providers; each request is authenticated before anything is read. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (provider === "simulator") return simulatorReports(request);
  const answer = await handleProviderWebhook(db, provider, request);
  return NextResponse.json(answer.body, { status: answer.status });
}

async function simulatorReports(request: Request) {
  if (!isValidSimulatorKey(new URL(request.url).searchParams.get("token"))) {
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
