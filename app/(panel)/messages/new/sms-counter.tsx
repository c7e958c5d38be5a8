"use client";

import { useTranslations } from "next-intl";
import { analyzeSms } from "@/lib/sms/encoding";

/** Shows what the text will cost as the clerk types: characters, SMS parts, room left. */
export function SmsCounter({ text }: { text: string }) {
  const t = useTranslations("newMessage");
  const analysis = analyzeSms(text);
  const unicode = [...new Set(analysis.unicodeChars.map((item) => item.char))];
  return (
    <div className="space-y-1 text-xs text-muted-foreground" aria-live="polite">
      <p data-testid="sms-counter">
        {t("counter", { units: analysis.units, segments: analysis.segments, remaining: analysis.remainingInSegment })} · {t(`encoding.${analysis.encoding}`)}
      </p>
      {unicode.length > 0 && <p className="text-warning-foreground dark:text-warning">{t("unicodeWarning", { chars: unicode.join(" ") })}</p>}
    </div>
  );
}
