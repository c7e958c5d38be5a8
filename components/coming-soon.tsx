import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";

/** Sections shown in the menu that arrive in a later release say so plainly. */
export async function ComingSoon({ section }: { section: string }) {
  const t = await getTranslations("soon");
  return (
    <>
      <PageHeader title={section} />
      <div className="rounded-md border border-dashed p-8 text-center">
        <p className="font-medium">{t("title")}</p>
        <p className="text-sm text-muted-foreground">{t("description", { section })}</p>
      </div>
    </>
  );
}
