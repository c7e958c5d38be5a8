import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

/** The sections of Yönetim; each page passes the one it shows. */
export async function AdminTabs({ current }: { current: "users" | "providers" | "jobs" }) {
  const t = await getTranslations("admin");
  const tabs = [
    { key: "users", href: "/admin", label: t("usersNav") },
    { key: "providers", href: "/admin/providers", label: t("providers.nav") },
    { key: "jobs", href: "/admin/jobs", label: t("jobsNav") },
  ] as const;
  return (
    <nav className="mb-6 flex gap-1 border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm", tab.key === current ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
