"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";
import { cn } from "@/lib/utils";

const options = [
  { value: "tr", label: "TR", name: "Türkçe" },
  { value: "en", label: "EN", name: "English" },
] as const;

export function LocaleSwitcher({ label }: { label: string }) {
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded-md border text-xs">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          title={option.name}
          aria-pressed={current === option.value}
          disabled={pending}
          className={cn("px-2 py-1", current === option.value ? "bg-primary text-primary-foreground" : "hover:bg-muted")}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(option.value);
              router.refresh();
            })
          }
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
