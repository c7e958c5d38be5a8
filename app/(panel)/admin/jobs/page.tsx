import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin-tabs";
import { PageHeader } from "@/components/page-header";
import { RunStatusBadge } from "@/components/run-status-badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/logger";
import { listRuns } from "@/inngest/dev-engine/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.jobs"))("title") };
}

/** Runs are installation-wide, so only administrators see them, and without event data. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  await requireUser("admin");
  const t = await getTranslations("admin.jobs");
  if (!getEnv().embeddedEngine) {
    return (
      <>
        <PageHeader title={t("title")} />
        <AdminTabs current="jobs" />
        <p className="text-sm text-muted-foreground">{t("external")}</p>
      </>
    );
  }
  const { after } = await searchParams;
  const { runs, nextCursor } = await listRuns({ db, limit: 50, cursor: after });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AdminTabs current="jobs" />
      {runs.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("function")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("started")}</TableHead>
                <TableHead>{t("nextWake")}</TableHead>
                <TableHead className="text-right">{t("attempts")}</TableHead>
                <TableHead>{t("lastError")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.id} data-testid="job-row">
                  <TableCell>
                    <Link href={`/admin/jobs/${run.id}`} className="font-medium hover:underline">{run.functionId.replace(/^icra-sms-paneli-/, "")}</Link>
                  </TableCell>
                  <TableCell><RunStatusBadge kind="run" status={run.status} /></TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(run.startedAt ?? run.createdAt)}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{run.nextWakeAt ? formatDateTime(run.nextWakeAt) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{run.failures}</TableCell>
                  <TableCell className="max-w-xs truncate text-xs text-muted-foreground">{run.lastError ? errorMessage(run.lastError.message) : ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {nextCursor && (
        <div className="mt-4 flex justify-end">
          <Button asChild variant="outline" size="sm"><Link href={`/admin/jobs?after=${encodeURIComponent(nextCursor)}`}>{t("older")}</Link></Button>
        </div>
      )}
    </>
  );
}
