"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { sendMessageAction } from "./actions";
import { newMessageSchema, type NewMessageInput } from "./schema";
import { SmsCounter } from "./sms-counter";

export function NewMessageForm() {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const form = useForm<NewMessageInput>({ resolver: zodResolver(newMessageSchema), defaultValues: { recipient: "", body: "" } });
  const body = useWatch({ control: form.control, name: "body" });

  const onSubmit = (values: NewMessageInput) =>
    startTransition(async () => {
      const result = await sendMessageAction(values);
      if (result.ok) {
        form.reset();
        toast.success(t("newMessage.queued"), {
          action: <Link href={`/messages/${result.data.messageId}`} className="text-sm underline">{t("messages.open")}</Link>,
        });
        return;
      }
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "recipient" || field === "body") form.setError(field, { message: keys[0] });
      }
      if (!result.fieldErrors) toast.error(t(result.error));
    });

  const fieldError = (key?: string) => {
    if (!key) return undefined;
    return t.has(`newMessage.errors.${key}`) ? t(`newMessage.errors.${key}`) : t("errors.validation");
  };

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-xl space-y-5" noValidate>
        <FormField
          control={form.control}
          name="recipient"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("newMessage.recipient")}</FormLabel>
              <FormControl>
                <Input inputMode="tel" autoComplete="off" placeholder="0532 123 45 67" {...field} />
              </FormControl>
              <FormDescription>{t("newMessage.recipientHint")}</FormDescription>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="body"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("newMessage.body")}</FormLabel>
              <FormControl>
                <Textarea rows={6} {...field} />
              </FormControl>
              <SmsCounter text={body ?? ""} onReplace={(text) => form.setValue("body", text, { shouldValidate: true })} />
              <FormDescription>{t("newMessage.bodyHint")}</FormDescription>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t("newMessage.submitting") : t("newMessage.submit")}
        </Button>
      </form>
    </Form>
  );
}
