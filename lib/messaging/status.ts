import type { MessageStatus } from "@/lib/db/schema";

// Status only moves forward: a late or repeated report can never take a delivered message back
// to "sent". Terminal states share the top rank, so one terminal state never replaces another.
const rank: Record<MessageStatus, number> = {
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  expired: 4,
  cancelled: 4,
};

export const terminalStatuses: readonly MessageStatus[] = ["delivered", "undelivered", "failed", "expired", "cancelled"];
export const pendingStatuses: readonly MessageStatus[] = ["scheduled", "queued", "sending", "sent"];

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  if (to === "cancelled") return from === "scheduled" || from === "queued";
  return rank[to] > rank[from];
}

export function isTerminal(status: MessageStatus): boolean {
  return rank[status] === 4;
}
