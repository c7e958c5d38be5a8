import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { countTodayByStatus, listMessages } from "@/lib/db/queries/messages";
import { formatDateTime } from "@/lib/format";
import { maskPhone } from "@/lib/sms/phone";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const [counts, recent] = await Promise.all([countTodayByStatus({ officeId: user.officeId }), listMessages({ officeId: user.officeId, limit: 5 })]);
  const tiles = [
    { label: t("today"), value: counts.total },
    { label: t("delivered"), value: counts.delivered },
    { label: t("pending"), value: counts.pending },
    { label: t("failed"), value: counts.failed },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { office: user.officeName })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <CardHeader className="pb-2"><CardTitle className="text-sm font-medium text-muted-foreground">{tile.label}</CardTitle></CardHeader>
            <CardContent className="text-3xl font-semibold tabular-nums">{tile.value}</CardContent>
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader><CardTitle>{t("recent")}</CardTitle></CardHeader>
        <CardContent>
          {recent.rows.length === 0 ? (
            <div className="flex items-center gap-4 text-sm text-muted-foreground">
              {t("noMessages")}
              <Button asChild size="sm"><Link href="/messages/new">{t("sendFirst")}</Link></Button>
            </div>
          ) : (
            <ul className="divide-y">
              {recent.rows.map((row) => (
                <li key={row.id} className="flex items-center gap-4 py-2 text-sm">
                  <span className="w-36 tabular-nums text-muted-foreground">{formatDateTime(row.createdAt)}</span>
                  <span className="w-36 tabular-nums">{maskPhone(row.recipient)}</span>
                  <Link href={`/messages/${row.id}`} className="flex-1 truncate hover:underline">{row.body}</Link>
                  <StatusBadge status={row.status} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}
