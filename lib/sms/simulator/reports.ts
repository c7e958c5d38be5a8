import { z } from "zod";
import type { DeliveryReport } from "@/lib/sms/providers/types";

const reportSchema = z.array(
  z.object({ id: z.string().min(1), status: z.enum(["DELIVERED", "UNDELIVERED", "EXPIRED"]), at: z.iso.datetime() }),
);

const statusMap = { DELIVERED: "delivered", UNDELIVERED: "undelivered", EXPIRED: "expired" } as const;

/** The simulated network's report body; null when malformed. */
export function parseSimulatorReports(body: unknown): DeliveryReport[] | null {
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) return null;
  return parsed.data.map((item) => ({ providerMessageId: item.id, status: statusMap[item.status], at: new Date(item.at), raw: item }));
}
