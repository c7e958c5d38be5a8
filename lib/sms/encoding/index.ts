// Public entry of the SMS encoding module: counting, splitting, replacements and the codec.
export { analyzeSms } from "./analyze";
export { splitSms } from "./split";
export { replaceSuggestions } from "./suggestions";
export { segmentCapacity } from "./plans";
export { decodeGsm7Septets, encodeGsm7Septets, encodeUcs2, type Gsm7Tables } from "./septets";
export type { AnalyzeOptions, SmsAnalysis, SmsEncoding, TurkishTables, UnicodeChar } from "./types";
