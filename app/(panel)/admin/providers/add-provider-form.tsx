"use client";

import { useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { providerCatalog, providerKinds } from "@/lib/sms/providers/catalog";
import { addProviderAction } from "./actions";
import { addProviderSchema, type AddProviderInput } from "./schema";

const emptyValues: AddProviderInput = { kind: "netgsm", label: "", credentials: {}, baseUrl: "", validForMinutes: "", allowedIps: "" };

export function AddProviderForm() {
  const t = useTranslations("admin.providers");
  const tRoot = useTranslations();
  const [pending, startTransition] = useTransition();
  const form = useForm<AddProviderInput>({ resolver: zodResolver(addProviderSchema), defaultValues: emptyValues });
  const kind = useWatch({ control: form.control, name: "kind" });
  const fieldError = (key?: string) => {
    if (!key) return undefined;
    return t.has(`errors.${key}` as "errors.required") ? t(`errors.${key}` as "errors.required") : tRoot("errors.validation");
  };

  const onSubmit = (values: AddProviderInput) =>
    startTransition(async () => {
      const result = await addProviderAction(values);
      if (result.ok) {
        toast.success(t("saved"));
        form.reset({ ...emptyValues, kind: values.kind });
        return;
      }
      for (const [path, keys] of Object.entries(result.fieldErrors ?? {})) form.setError(path as keyof AddProviderInput, { message: keys[0] });
      if (!result.fieldErrors) toast.error(tRoot(result.error));
    });

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid max-w-2xl gap-4 sm:grid-cols-2" noValidate>
        <FormField
          control={form.control}
          name="kind"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("kind")}</FormLabel>
              <Select value={field.value} onValueChange={(value) => { field.onChange(value); form.setValue("credentials", {}); }}>
                <FormControl>
                  <SelectTrigger className="w-full"><SelectValue /></SelectTrigger>
                </FormControl>
                <SelectContent>
                  {providerKinds.map((option) => (
                    <SelectItem key={option} value={option}>{t(`kinds.${option}`)}</SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="label"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("label")}</FormLabel>
              <FormControl><Input placeholder={t("labelHint")} {...field} /></FormControl>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        {providerCatalog[kind].fields.map((credential) => (
          <FormField
            key={`${kind}-${credential.name}`}
            control={form.control}
            name={`credentials.${credential.name}`}
            render={({ field, fieldState }) => (
              <FormItem>
                <FormLabel>{t(`fields.${credential.name}` as "fields.password")}</FormLabel>
                <FormControl>
                  <Input type={"secret" in credential && credential.secret ? "password" : "text"} autoComplete="off" {...field} value={field.value ?? ""} />
                </FormControl>
                <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
              </FormItem>
            )}
          />
        ))}
        <FormField
          control={form.control}
          name="baseUrl"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("baseUrl")}</FormLabel>
              <FormControl><Input inputMode="url" {...field} /></FormControl>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="validForMinutes"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("validForMinutes")}</FormLabel>
              <FormControl><Input inputMode="numeric" placeholder="2880" {...field} value={String(field.value ?? "")} /></FormControl>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="allowedIps"
          render={({ field, fieldState }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("allowedIps")}</FormLabel>
              <FormControl><Input {...field} /></FormControl>
              <FormDescription>{t("secretKept")}</FormDescription>
              <FormMessage>{fieldError(fieldState.error?.message)}</FormMessage>
            </FormItem>
          )}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>{pending ? t("saving") : t("save")}</Button>
        </div>
      </form>
    </Form>
  );
}
