"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "./request";

const localeSchema = z.enum(locales);

/** Stores the chosen interface language for a year; Turkish stays the default. */
export async function setLocaleAction(locale: string): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
}
