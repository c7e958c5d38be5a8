import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Sign-out is a plain form post to a server action: it works before hydration too. */
export function UserMenu({ name, role, office, signOutLabel, signOutAction }: {
  name: string;
  role: string;
  office: string;
  signOutLabel: string;
  signOutAction: () => Promise<void>;
}) {
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right text-sm leading-tight sm:block">
        <div className="font-medium" data-testid="current-user">{name}</div>
        <div className="text-xs text-muted-foreground">
          {office} · {role}
        </div>
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="sm" aria-label={signOutLabel}>
          <LogOut className="size-4" aria-hidden />
          <span className="hidden sm:inline">{signOutLabel}</span>
        </Button>
      </form>
    </div>
  );
}
