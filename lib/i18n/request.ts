import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";

export const locales = ["tr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "tr";
export const LOCALE_COOKIE = "locale";

// Turkish first; English when the user picked it. No locale segment in URLs: one office, one language mostly.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = chosen === "en" ? "en" : defaultLocale;
  return {
    locale,
    timeZone: "Europe/Istanbul",
    messages: (await import(`../../messages/${locale}.json`)).default,
    formats: {
      dateTime: {
        date: { day: "2-digit", month: "2-digit", year: "numeric" },
        dateTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false },
        time: { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false },
      },
      number: { money: { style: "currency", currency: "TRY" } },
    },
  };
});
