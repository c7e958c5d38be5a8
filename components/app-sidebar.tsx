"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FileText, FolderOpen, LayoutDashboard, Megaphone, MessageSquare, Send, Settings, Smartphone } from "lucide-react";
import { cn } from "@/lib/utils";

const icons = {
  dashboard: LayoutDashboard,
  newMessage: Send,
  messages: MessageSquare,
  files: FolderOpen,
  templates: FileText,
  campaigns: Megaphone,
  admin: Settings,
  simulator: Smartphone,
};

export type SidebarItem = { key: keyof typeof icons; href: string; label: string; badge?: string; disabled?: boolean };

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/messages") return pathname === "/messages" || /^\/messages\/(?!new)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AppSidebar({ items, title }: { items: SidebarItem[]; title: string }) {
  const pathname = usePathname();
  return (
    <aside className="hidden w-60 shrink-0 border-r bg-sidebar text-sidebar-foreground md:flex md:flex-col">
      <div className="flex h-14 items-center border-b px-4 font-semibold">{title}</div>
      <nav className="flex-1 space-y-1 p-2" aria-label={title}>
        {items.map((item) => {
          const Icon = icons[item.key];
          const classes = cn(
            "flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors",
            isActive(pathname, item.href) ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground" : "hover:bg-sidebar-accent/60",
            item.disabled && "pointer-events-none opacity-50",
          );
          return (
            <Link key={item.key} href={item.href} className={classes} aria-disabled={item.disabled} aria-current={isActive(pathname, item.href) ? "page" : undefined}>
              <Icon className="size-4" aria-hidden />
              <span className="flex-1">{item.label}</span>
              {item.badge && <span className="rounded bg-muted px-1.5 py-0.5 text-[10px] uppercase text-muted-foreground">{item.badge}</span>}
            </Link>
          );
        })}
      </nav>
    </aside>
  );
}
