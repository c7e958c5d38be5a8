import type { DeliveryReport } from "./types";

/**
 * One report per message. Paged answers repeat rows when the data moves between two pages, and
 * pushed arrays may hold a message twice; a final status always beats "sent", and of two final
 * statuses the first seen stays (the status machine would ignore the second anyway).
 */
export function mergeReports(reports: DeliveryReport[]): DeliveryReport[] {
  const byId = new Map<string, DeliveryReport>();
  for (const report of reports) {
    const seen = byId.get(report.providerMessageId);
    if (!seen || (seen.status === "sent" && report.status !== "sent")) byId.set(report.providerMessageId, report);
  }
  return [...byId.values()];
}

/**
 * The key a Turkish provider's report row is matched on: the national number, since the same
 * number comes back as 5XXXXXXXXX, 05XXXXXXXXX, 905XXXXXXXXX or +905XXXXXXXXX depending on the API.
 */
export function numberKey(number: string): string {
  const digits = number.replace(/\D/g, "").replace(/^00/, "");
  if (digits.length === 12 && digits.startsWith("90")) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith("0")) return digits.slice(1);
  return digits;
}

/** Pairs of "job:number" ids, the form Netgsm and İletimerkezi adapters hand out. */
export function splitJobId(providerMessageId: string): { job: string; number: string } | undefined {
  const at = providerMessageId.lastIndexOf(":");
  if (at <= 0) return undefined;
  return { job: providerMessageId.slice(0, at), number: providerMessageId.slice(at + 1) };
}
