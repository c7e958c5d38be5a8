"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Switch } from "@/components/ui/switch";
import { setUserActiveAction } from "./actions";

export function UserActiveToggle({ userId, active, label }: { userId: string; active: boolean; label: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  return (
    <Switch
      checked={active}
      disabled={pending}
      aria-label={label}
      onCheckedChange={(checked) =>
        startTransition(async () => {
          const result = await setUserActiveAction({ userId, active: checked });
          if (result.ok) toast.success(t("admin.userUpdated"));
          else toast.error(t(result.error));
        })
      }
    />
  );
}
