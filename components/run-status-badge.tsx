import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EngineRunStatus, EngineStepStatus } from "@/lib/db/schema/engine";

const variants = {
  queued: "secondary",
  running: "info",
  planned: "secondary",
  sleeping: "outline",
  waiting: "outline",
  completed: "success",
  failed: "destructive",
  cancelled: "warning",
} as const;

export function RunStatusBadge({ status, kind }: { status: EngineRunStatus | EngineStepStatus; kind: "run" | "step" }) {
  const t = useTranslations("admin.jobs");
  return <Badge variant={variants[status]}>{t(`${kind === "run" ? "runStatus" : "stepStatus"}.${status}` as "runStatus.queued")}</Badge>;
}
