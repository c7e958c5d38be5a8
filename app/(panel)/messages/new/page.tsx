import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { NewMessageForm } from "./new-message-form";

export async function generateMetadata() {
  return { title: (await getTranslations("newMessage"))("title") };
}

export default async function NewMessagePage() {
  await requireUser();
  const t = await getTranslations("newMessage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NewMessageForm />
    </>
  );
}
