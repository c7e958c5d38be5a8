import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { decodeCursor, encodeCursor, listMessages } from "@/lib/db/queries/messages";
import { formatDateTime } from "@/lib/format";
import { pendingStatuses } from "@/lib/messaging/status";
import { maskPhone } from "@/lib/sms/phone";

export async function generateMetadata() {
  return { title: (await getTranslations("messages"))("title") };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser();
  const t = await getTranslations("messages");
  const { after } = await searchParams;
  const { rows, nextCursor } = await listMessages({ officeId: user.officeId, cursor: decodeCursor(after) });
  const moving = rows.some((row) => pendingStatuses.includes(row.status));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={after ? <Button asChild variant="outline" size="sm"><Link href="/messages">{t("first")}</Link></Button> : undefined}
      />
      <AutoRefresh active={moving} />
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("createdAt")}</TableHead>
                <TableHead>{t("recipient")}</TableHead>
                <TableHead>{t("body")}</TableHead>
                <TableHead className="text-right">{t("segments")}</TableHead>
                <TableHead>{t("status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="message-row">
                  <TableCell className="whitespace-nowrap tabular-nums">
                    <Link href={`/messages/${row.id}`} className="hover:underline">{formatDateTime(row.createdAt)}</Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{maskPhone(row.recipient)}</TableCell>
                  <TableCell className="max-w-md truncate">
                    <Link href={`/messages/${row.id}`} className="hover:underline">{row.body}</Link>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.segments}</TableCell>
                  <TableCell><StatusBadge status={row.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {nextCursor && (
        <div className="mt-4 flex justify-end">
          <Button asChild variant="outline" size="sm">
            <Link href={`/messages?after=${encodeCursor(nextCursor)}`}>{t("next")}</Link>
          </Button>
        </div>
      )}
    </>
  );
}
