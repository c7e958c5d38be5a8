import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin-tabs";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listOfficeProviders } from "@/lib/db/queries/providers";
import { formatDateTime } from "@/lib/format";
import { AddProviderForm } from "./add-provider-form";
import { ProviderRowActions } from "./provider-row-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.providers"))("title") };
}

export default async function ProvidersPage() {
  const user = await requireUser("admin");
  const t = await getTranslations("admin.providers");
  const providers = await listOfficeProviders({ officeId: user.officeId });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AdminTabs current="providers" />
      {providers.length === 0 ? (
        <p className="mb-6 text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <div className="mb-8 rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-12">{t("order")}</TableHead>
                <TableHead>{t("label")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {providers.map((provider, index) => (
                <TableRow key={provider.id} data-testid="provider-row">
                  <TableCell className="tabular-nums">{index + 1}</TableCell>
                  <TableCell>
                    <div className="font-medium">{provider.label}</div>
                    <div className="text-xs text-muted-foreground">{t(`kinds.${provider.kind}`)}</div>
                    {provider.webhookUrl && <div className="mt-1 break-all text-xs text-muted-foreground">{t("webhook")}: <code>{provider.webhookUrl}</code></div>}
                  </TableCell>
                  <TableCell className="text-xs">
                    {provider.lastTestAt ? (
                      <div className="space-y-1">
                        <Badge variant={provider.lastTestOk ? "success" : "destructive"}>{provider.lastTestOk ? t("testOk") : t("testFailed", { message: "" })}</Badge>
                        <div className="text-muted-foreground">{t("lastTest", { at: formatDateTime(provider.lastTestAt) })}</div>
                        {provider.lastTestMessage && <div className="max-w-xs truncate text-muted-foreground">{provider.lastTestMessage}</div>}
                      </div>
                    ) : (
                      <span className="text-muted-foreground">{t("neverTested")}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <ProviderRowActions id={provider.id} label={provider.label} enabled={provider.enabled} first={index === 0} last={index === providers.length - 1} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Card>
        <CardHeader><CardTitle>{t("add")}</CardTitle></CardHeader>
        <CardContent><AddProviderForm /></CardContent>
      </Card>
    </>
  );
}
