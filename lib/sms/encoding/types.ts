export type SmsEncoding = "gsm7" | "gsm7-tr" | "ucs2";

/** Turkish national language tables signalled in the UDH (3GPP TS 23.038 annex A). */
export type TurkishTables = "single" | "locking" | "both";

export interface AnalyzeOptions {
  /**
   * "provider" (default): the Turkish HTTP providers' billing table (GSM 160/153,
   * Türkçe 155/149 with one unit per Turkish letter, Unicode 70/67).
   * "3gpp": real septet counts for a sender that packs GSM-7 itself (SMPP).
   */
  mode?: "provider" | "3gpp";
  /** Units the provider reserves in every segment for the operator code (e.g. " B038"). Default 0. */
  reservedSuffix?: number;
  /** Size of the concatenation reference in the UDH; 16 costs one unit per concatenated part. */
  concatRef?: 8 | 16;
}

export interface UnicodeChar {
  /** The whole code point: a surrogate pair stays one entry. */
  char: string;
  /** UTF-16 index in the text. */
  index: number;
  /** A GSM replacement the UI can offer; "" means "remove". */
  suggestion?: string;
}

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Tables an SMPP sender must signal ("3gpp" mode only; null in "provider" mode). */
  turkishTables: TurkishTables | null;
  /** Septets (GSM) or UTF-16 code units (UCS-2) the text costs, suffix not included. */
  units: number;
  /** 0 for the empty text. */
  segments: number;
  /** Capacity of each segment at the current segment count (single figure while segments ≤ 1). */
  perSegment: number;
  /** Units still free in the last segment before another one starts ("kalan karakter"). */
  remainingInSegment: number;
  /** Characters that forced UCS-2; empty unless encoding is "ucs2". */
  unicodeChars: UnicodeChar[];
}
