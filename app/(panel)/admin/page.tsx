import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin-tabs";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listOfficeUsers } from "@/lib/db/queries/users";
import { formatDateTime } from "@/lib/format";
import { UserActiveToggle } from "./user-active-toggle";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const user = await requireUser("admin");
  const t = await getTranslations();
  const users = await listOfficeUsers({ officeId: user.officeId });
  const now = new Date();
  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <AdminTabs current="users" />
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("admin.name")}</TableHead>
              <TableHead>{t("admin.email")}</TableHead>
              <TableHead>{t("admin.role")}</TableHead>
              <TableHead>{t("admin.active")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="font-medium">{row.name}</TableCell>
                <TableCell>{row.email}</TableCell>
                <TableCell>{t(`header.roles.${row.role}`)}</TableCell>
                <TableCell className="flex items-center gap-2">
                  <UserActiveToggle userId={row.id} active={row.active} label={`${t("admin.active")}: ${row.name}`} />
                  {row.lockedUntil && row.lockedUntil > now && (
                    <Badge variant="warning">{t("admin.locked", { until: formatDateTime(row.lockedUntil) })}</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
