import { plansFor } from "./plans";
import { measure, walkParts } from "./segmenter";
import type { AnalyzeOptions } from "./types";

/**
 * The text cut into the parts it is sent as, with the encoding analyzeSms chooses. Parts
 * re-join to the text; an escape pair or surrogate pair never straddles two parts. The empty
 * text has no parts, any text that fits one SMS is returned whole.
 */
export function splitSms(text: string, options?: AnalyzeOptions): string[] {
  const m = measure(text, plansFor(options));
  if (m.segments === 0) return [];
  if (m.segments === 1) return [text];
  const starts: number[] = [];
  walkParts(text, m.plan, starts);
  const parts: string[] = [];
  let from = 0;
  for (const start of starts) {
    parts.push(text.slice(from, start));
    from = start;
  }
  parts.push(text.slice(from));
  return parts;
}
