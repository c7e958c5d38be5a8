"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { FileText, FolderOpen, LayoutDashboard, Megaphone, Menu, MessageSquare, Send, Settings, Smartphone } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
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

export type SidebarItem = { key: keyof typeof icons; href: string; label: string; badge?: string };

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/messages") return pathname === "/messages" || /^\/messages\/(?!new)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ items, label, onNavigate }: { items: SidebarItem[]; label: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav className="flex-1 space-y-1 p-2" aria-label={label}>
      {items.map((item) => {
        const Icon = icons[item.key];
        const active = isActive(pathname, item.href);
        return (
          <Link
            key={item.key}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors",
              active ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground" : "hover:bg-sidebar-accent/60",
            )}
          >
            <Icon className="size-4" aria-hidden />
            <span className="flex-1">{item.label}</span>
            {item.badge && <span className="rounded bg-muted px-1.5 py-0.5 text-[10px] uppercase text-muted-foreground">{item.badge}</span>}
          </Link>
        );
      })}
    </nav>
  );
}

export function AppSidebar({ items, title }: { items: SidebarItem[]; title: string }) {
  return (
    <aside className="hidden w-60 shrink-0 border-r bg-sidebar text-sidebar-foreground md:flex md:flex-col">
      <div className="flex h-14 items-center border-b px-4 font-semibold">{title}</div>
      <NavLinks items={items} label={title} />
    </aside>
  );
}

/** The same menu in a drawer, for the narrow screens where the sidebar is hidden. */
export function MobileNav({ items, title, openLabel, closeLabel }: { items: SidebarItem[]; title: string; openLabel: string; closeLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={openLabel}>
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-64 bg-sidebar p-0" closeLabel={closeLabel}>
        <SheetTitle className="flex h-14 items-center border-b px-4">{title}</SheetTitle>
        <NavLinks items={items} label={title} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
