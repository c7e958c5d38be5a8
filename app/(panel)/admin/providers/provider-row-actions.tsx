"use client";

import { useTransition } from "react";
import { ArrowDown, ArrowUp, PlugZap, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/actions/errors";
import { deleteProviderAction, moveProviderAction, testProviderAction, toggleProviderAction } from "./actions";

export function ProviderRowActions({ id, label, enabled, first, last }: { id: string; label: string; enabled: boolean; first: boolean; last: boolean }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionResult<T>>, onOk?: (data: T) => void) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) onOk?.(result.data);
      else toast.error(t(result.error));
    });

  return (
    <div className="flex flex-wrap items-center gap-1">
      <Switch checked={enabled} disabled={pending} aria-label={`${t("admin.providers.enabled")}: ${label}`} onCheckedChange={(checked) => run(() => toggleProviderAction({ id, enabled: checked }))} />
      <Button variant="ghost" size="icon-sm" disabled={pending || first} aria-label={t("admin.providers.moveUp")} onClick={() => run(() => moveProviderAction({ id, direction: "up" }))}>
        <ArrowUp />
      </Button>
      <Button variant="ghost" size="icon-sm" disabled={pending || last} aria-label={t("admin.providers.moveDown")} onClick={() => run(() => moveProviderAction({ id, direction: "down" }))}>
        <ArrowDown />
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          run(
            () => testProviderAction({ id }),
            (data) => (data.ok ? toast.success(t("admin.providers.testOk")) : toast.error(t("admin.providers.testFailed", { message: data.message }))),
          )
        }
      >
        <PlugZap />
        {pending ? t("admin.providers.testing") : t("admin.providers.test")}
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        disabled={pending}
        aria-label={`${t("admin.providers.delete")}: ${label}`}
        onClick={() => {
          if (window.confirm(t("admin.providers.confirmDelete"))) run(() => deleteProviderAction({ id }), () => toast.success(t("admin.providers.deleted")));
        }}
      >
        <Trash2 />
      </Button>
    </div>
  );
}
