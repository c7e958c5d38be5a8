import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { listSimulatorInboxes } from "@/lib/db/queries/simulator";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/sms/phone";
import { db } from "@/lib/db/client";
import { isSimulatorActive } from "@/lib/messaging/office-providers";

export async function generateMetadata() {
  return { title: (await getTranslations("simulator"))("title") };
}

/** What each simulated handset received, newest first, as a phone would show it. */
export default async function SimulatorPage() {
  const user = await requireUser();
  if (!(await isSimulatorActive(db, user.officeId))) notFound();
  const t = await getTranslations("simulator");
  const inboxes = await listSimulatorInboxes({ officeId: user.officeId });
  const moving = inboxes.some((inbox) => inbox.received.some((sms) => !sms.deliveredAt));
  return (
    <>
      <AutoRefresh active={moving} />
      <PageHeader title={t("title")} description={t("description")} />
      {inboxes.length === 0 && <p className="text-sm text-muted-foreground">{t("empty")}</p>}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {inboxes.map((inbox) => (
          <Card key={inbox.recipient} className="max-w-sm" data-testid="handset">
            <CardHeader><CardTitle className="tabular-nums">{formatPhone(inbox.recipient)}</CardTitle></CardHeader>
            <CardContent className="space-y-3">
              {inbox.received.map((sms) => (
                <div key={sms.id} className="rounded-2xl rounded-tl-sm bg-muted px-3 py-2 text-sm">
                  <div className="mb-1 text-xs font-semibold text-muted-foreground">{sms.sender}</div>
                  <p className="whitespace-pre-wrap">{sms.body}</p>
                  <div className="mt-1 text-right text-[11px] text-muted-foreground">
                    {formatDateTime(sms.receivedAt)} · {sms.deliveredAt ? t("delivered") : t("pending")}
                  </div>
                </div>
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
