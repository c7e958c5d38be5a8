import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { RunStatusBadge } from "@/components/run-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/logger";
import { getRun } from "@/inngest/dev-engine/queries";

export default async function JobRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireUser("admin");
  const { runId } = await params;
  const run = await getRun({ db, runId });
  if (!run) notFound();
  const t = await getTranslations("admin.jobs");
  return (
    <>
      <PageHeader
        title={run.functionId.replace(/^icra-sms-paneli-/, "")}
        description={`${t("event")}: ${run.event.name}`}
        actions={<Link href="/admin/jobs" className="text-sm text-muted-foreground hover:underline">← {t("back")}</Link>}
      />
      <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        <RunStatusBadge kind="run" status={run.status} />
        <span>{t("created")}: {formatDateTime(run.createdAt)}</span>
        {run.endedAt && <span>{t("ended")}: {formatDateTime(run.endedAt)}</span>}
        {run.lastError && <span className="text-destructive">{errorMessage(run.lastError.message)}</span>}
      </div>
      <Card>
        <CardHeader><CardTitle>{t("steps")}</CardTitle></CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("step")}</TableHead>
                <TableHead>{t("op")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="text-right">{t("attempts")}</TableHead>
                <TableHead>{t("nextWake")}</TableHead>
                <TableHead>{t("lastError")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.steps.map((step) => (
                <TableRow key={step.hash}>
                  <TableCell className="font-medium">{step.stepId}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">{step.op}</TableCell>
                  <TableCell><RunStatusBadge kind="step" status={step.status} /></TableCell>
                  <TableCell className="text-right tabular-nums">{step.attempts}</TableCell>
                  <TableCell className="tabular-nums">{step.wakeAt ? formatDateTime(step.wakeAt) : "—"}</TableCell>
                  <TableCell className="max-w-sm truncate text-xs text-muted-foreground">{step.error ? errorMessage(step.error.message) : ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
