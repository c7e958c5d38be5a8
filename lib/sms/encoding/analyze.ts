import { plansFor } from "./plans";
import { measure, remaining } from "./segmenter";
import { unicodeCharsOf } from "./suggestions";
import type { AnalyzeOptions, SmsAnalysis } from "./types";

/**
 * Encoding, units and segments of an SMS text, for the counter under the message box and for
 * the sender. The empty text costs 0 segments, and its remainingInSegment is the full
 * single-SMS capacity, so a counter reads "160 characters left" before the clerk types.
 */
export function analyzeSms(text: string, options?: AnalyzeOptions): SmsAnalysis {
  const m = measure(text, plansFor(options));
  return {
    encoding: m.plan.encoding,
    turkishTables: m.plan.turkishTables,
    units: m.units,
    segments: m.segments,
    perSegment: m.segments > 1 ? m.plan.multi : m.plan.single,
    remainingInSegment: remaining(m),
    unicodeChars: m.firstUcs < 0 ? [] : unicodeCharsOf(text, m.firstUcs),
  };
}
