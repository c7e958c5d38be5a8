import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listFilesWithParties } from "@/lib/db/queries/files";
import { maskPhone } from "@/lib/sms/phone";

export async function generateMetadata() {
  return { title: (await getTranslations("files"))("title") };
}

export default async function FilesPage() {
  const user = await requireUser();
  const t = await getTranslations("files");
  const files = await listFilesWithParties({ officeId: user.officeId });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {files.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("number")}</TableHead>
                <TableHead>{t("kind")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("parties")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((file) => (
                <TableRow key={file.id}>
                  <TableCell className="font-medium tabular-nums">{file.fileNumber}</TableCell>
                  <TableCell>{file.kind}</TableCell>
                  <TableCell><Badge variant={file.status === "open" ? "info" : "outline"}>{t(file.status)}</Badge></TableCell>
                  <TableCell>
                    <ul className="space-y-1 text-sm">
                      {file.parties.map((party) => (
                        <li key={party.id}>
                          <span className="text-muted-foreground">{t(`roles.${party.role}`)}{party.isLawyer ? ` (${t("lawyer")})` : ""}:</span>{" "}
                          {party.name} · <span className="tabular-nums">{party.phone ? maskPhone(party.phone) : t("noPhone")}</span>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
