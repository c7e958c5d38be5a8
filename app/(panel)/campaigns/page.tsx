import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/coming-soon";
import { requireUser } from "@/lib/auth/current-user";

export default async function Page() {
  await requireUser();
  return <ComingSoon section={(await getTranslations("nav"))("campaigns")} />;
}
