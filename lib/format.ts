// Dates, times and amounts are shown the Turkish way in both UI languages: a clerk and the
// letters the office writes use dd.MM.yyyy, 24-hour time, Europe/Istanbul and "1.250,00 TL".
const TIME_ZONE = "Europe/Istanbul";

const dateFormat = new Intl.DateTimeFormat("tr-TR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("tr-TR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const timeFormat = new Intl.DateTimeFormat("tr-TR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const moneyFormat = new Intl.NumberFormat("tr-TR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value).replace(",", "");
}

export function formatTime(value: Date): string {
  return timeFormat.format(value);
}

/** 1250 → "1.250,00 TL" */
export function formatMoney(amount: number): string {
  return `${moneyFormat.format(amount)} TL`;
}

/** Turkish-aware upper case for search keys and sorting: i → İ, ı → I. */
export function toTurkishUpper(value: string): string {
  return value.toLocaleUpperCase("tr-TR");
}
