import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MessageStatus } from "@/lib/db/schema";

const variants: Record<MessageStatus, "default" | "secondary" | "destructive" | "outline" | "success" | "warning" | "info"> = {
  scheduled: "outline",
  queued: "secondary",
  sending: "info",
  sent: "info",
  delivered: "success",
  undelivered: "destructive",
  failed: "destructive",
  expired: "warning",
  cancelled: "outline",
};

export function StatusBadge({ status }: { status: MessageStatus }) {
  const t = useTranslations("status");
  return (
    <Badge variant={variants[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
