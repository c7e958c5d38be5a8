"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { analyzeSms, replaceSuggestions } from "@/lib/sms/encoding";

/**
 * Shows what the text will cost as the clerk types: characters, SMS parts, room left. When a
 * character forces Unicode (curly quotes pasted from a word processor, â, î …) it names it and
 * offers to replace what has a plain equivalent.
 */
export function SmsCounter({ text, onReplace }: { text: string; onReplace: (text: string) => void }) {
  const t = useTranslations("newMessage");
  const analysis = analyzeSms(text);
  const unicode = [...new Set(analysis.unicodeChars.map((item) => item.char))];
  const replaceable = analysis.unicodeChars.some((item) => item.suggestion !== undefined);
  return (
    <div className="space-y-1 text-xs text-muted-foreground" aria-live="polite">
      <p data-testid="sms-counter">
        {t("counter", { units: analysis.units, segments: analysis.segments, remaining: analysis.remainingInSegment })} · {t(`encoding.${analysis.encoding}`)}
      </p>
      {unicode.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-amber-700 dark:text-amber-400">
          <span>{t("unicodeWarning", { chars: unicode.join(" ") })}</span>
          {replaceable && (
            <Button type="button" variant="outline" size="xs" onClick={() => onReplace(replaceSuggestions(text))}>
              {t("replaceUnicode")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
