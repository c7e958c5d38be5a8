import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getMessage } from "@/lib/db/queries/messages";
import { maskPhone } from "@/lib/sms/phone";

/** A message's status and timeline as JSON, for the signed-in user's own office only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const { id } = await params;
  const message = await getMessage({ officeId: user.officeId, id });
  if (!message) return NextResponse.json({ error: "not found" }, { status: 404 });
  return NextResponse.json({
    id: message.id,
    recipient: maskPhone(message.recipient),
    status: message.status,
    segments: message.segments,
    createdAt: message.createdAt,
    events: message.events.map((event) => ({ from: event.fromStatus, to: event.toStatus, at: event.at, source: event.source })),
  });
}
