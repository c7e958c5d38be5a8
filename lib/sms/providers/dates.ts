// Turkish providers read and write local time without a zone. Türkiye has kept UTC+3 all year
// since 2016, so a fixed offset is exact and needs no time-zone database.
const OFFSET_MS = 3 * 60 * 60 * 1000;

function parts(date: Date) {
  const d = new Date(date.getTime() + OFFSET_MS);
  const pad = (n: number, size = 2) => String(n).padStart(size, "0");
  return {
    dd: pad(d.getUTCDate()),
    MM: pad(d.getUTCMonth() + 1),
    yyyy: pad(d.getUTCFullYear(), 4),
    HH: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
    ss: pad(d.getUTCSeconds()),
  };
}

/**
 * Formats in Istanbul time with a pattern made of dd MM yyyy HH mm ss and any separators,
 * e.g. "ddMMyyyyHHmm" (Netgsm send), "dd.MM.yyyy HH:mm:ss" (Netgsm report), "dd/MM/yyyy HH:mm".
 */
export function formatIstanbul(date: Date, pattern: string): string {
  const p = parts(date);
  return pattern.replace(/dd|MM|yyyy|HH|mm|ss/g, (token) => p[token as keyof typeof p]);
}

/**
 * Reads an Istanbul local time in either order the providers use: "dd.MM.yyyy HH:mm:ss",
 * "dd/MM/yyyy HH:mm" or "yyyy-MM-dd HH:mm:ss". An ISO string with its own zone is honoured.
 */
export function parseIstanbul(value: unknown): Date | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(text) && text.includes("T")) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  let m = /^(\d{2})[./-](\d{2})[./-](\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  let fields: number[] | undefined;
  if (m) fields = [+m[3], +m[2], +m[1], +m[4], +m[5], +(m[6] ?? 0)];
  m = fields ? null : /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (m) fields = [+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0)];
  if (!fields) return undefined;
  const [y, mo, d, h, mi, s] = fields;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
