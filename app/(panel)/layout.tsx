import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppSidebar, MobileNav, type SidebarItem } from "@/components/app-sidebar";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { ThemeToggle } from "@/components/theme-toggle";
import { UserMenu } from "@/components/user-menu";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { isSimulatorActive } from "@/lib/messaging/office-providers";
import { signOutAction } from "./sign-out-action";

export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const items: SidebarItem[] = [
    { key: "dashboard", href: "/", label: t("nav.dashboard") },
    { key: "newMessage", href: "/messages/new", label: t("nav.newMessage") },
    { key: "messages", href: "/messages", label: t("nav.messages") },
    { key: "files", href: "/files", label: t("nav.files") },
    { key: "templates", href: "/templates", label: t("nav.templates"), badge: t("nav.soon") },
    { key: "campaigns", href: "/campaigns", label: t("nav.campaigns"), badge: t("nav.soon") },
  ];
  if (hasRole(user.role, "admin")) items.push({ key: "admin", href: "/admin", label: t("nav.admin") });
  const simulatorActive = await isSimulatorActive(db, user.officeId);
  if (simulatorActive) items.push({ key: "simulator", href: "/simulator", label: t("nav.simulator") });

  return (
    <div className="flex min-h-screen">
      <AppSidebar items={items} title={t("app.name")} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b px-4 md:px-6">
          <div className="flex items-center gap-2 md:hidden">
            <MobileNav items={items} title={t("app.name")} openLabel={t("nav.openMenu")} closeLabel={t("nav.closeMenu")} />
            <span className="hidden font-semibold sm:inline">{t("app.name")}</span>
          </div>
          <div className="ml-auto flex items-center gap-2">
            <LocaleSwitcher label={t("header.language")} />
            <ThemeToggle label={t("header.theme")} />
            <UserMenu
              name={user.name}
              role={t(`header.roles.${user.role}`)}
              office={user.officeName}
              signOutLabel={t("header.signOut")}
              signOutAction={signOutAction}
            />
          </div>
        </header>
        {simulatorActive && (
          <div role="status" className="flex flex-wrap items-center gap-2 border-b bg-amber-50 px-4 py-2 text-sm text-amber-900 md:px-6 dark:bg-amber-950 dark:text-amber-100">
            <span>{t("simulator.banner")}</span>
            {hasRole(user.role, "admin") && (
              <Link href="/admin/providers" className="font-medium underline">{t("simulator.bannerAction")}</Link>
            )}
          </div>
        )}
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
