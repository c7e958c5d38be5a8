import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { getMessage } from "@/lib/db/queries/messages";
import { formatDateTime, formatTime } from "@/lib/format";
import { isTerminal } from "@/lib/messaging/status";
import { formatPhone } from "@/lib/sms/phone";

export async function generateMetadata() {
  return { title: (await getTranslations("messageDetail"))("title") };
}

export default async function MessageDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const message = await getMessage({ officeId: user.officeId, id });
  if (!message) notFound();
  const t = await getTranslations();

  const facts: [string, React.ReactNode][] = [
    [t("messageDetail.recipient"), formatPhone(message.recipient)],
    [t("messageDetail.status"), <StatusBadge key="status" status={message.status} />],
    [t("messageDetail.createdAt"), formatDateTime(message.createdAt)],
    [t("messageDetail.createdBy"), message.createdByName ?? "—"],
    [t("messageDetail.encoding"), t(`newMessage.encoding.${message.encoding}`)],
    [t("messageDetail.segments"), message.segments],
    [t("messageDetail.provider"), message.provider ?? "—"],
    [t("messageDetail.attempts"), <span key="attempts" data-testid="attempts">{message.attempts}</span>],
    [t("messageDetail.providerMessageId"), message.providerMessageId ?? "—"],
  ];
  if (message.errorCode || message.errorText) {
    // Our own codes have a sentence in the catalog; a provider's code is shown with its own text.
    const known = message.errorCode && t.has(`messageDetail.knownErrors.${message.errorCode}`);
    facts.push([t("messageDetail.error"), known ? t(`messageDetail.knownErrors.${message.errorCode}`) : `${message.errorCode ?? ""} ${message.errorText ?? ""}`.trim()]);
  }

  return (
    <>
      <AutoRefresh active={!isTerminal(message.status)} />
      <PageHeader
        title={t("messageDetail.title")}
        actions={<Link href="/messages" className="text-sm text-muted-foreground hover:underline">← {t("messageDetail.back")}</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{t("messageDetail.body")}</CardTitle></CardHeader>
          <CardContent className="space-y-4">
            <p className="whitespace-pre-wrap rounded-md bg-muted p-3 text-sm" data-testid="message-body">{message.body}</p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t("messageDetail.timeline")}</CardTitle></CardHeader>
          <CardContent>
            <ol className="space-y-3" data-testid="timeline">
              {message.events.map((event) => (
                <li key={event.id} className="flex items-center gap-3 text-sm" data-status={event.toStatus}>
                  <span className="w-20 tabular-nums text-muted-foreground">{formatTime(event.at)}</span>
                  <StatusBadge status={event.toStatus} />
                  <span className="text-xs text-muted-foreground">{event.source}</span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
