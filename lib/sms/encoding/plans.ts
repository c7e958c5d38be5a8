import { BASIC, CLASS_COUNT, EURO, EXTENSION, LOCKING_LOST, TURKISH } from "./gsm-tables";
import type { AnalyzeOptions, SmsEncoding, TurkishTables } from "./types";

/** One way of sending a text: an alphabet, its per-class costs and its segment capacities. */
export interface Plan {
  readonly encoding: SmsEncoding;
  readonly turkishTables: TurkishTables | null;
  /** Units per character class (see gsm-tables); 0 = not representable. null for UCS-2. */
  readonly cost: Uint8Array | null;
  readonly single: number;
  readonly multi: number;
}

function costs(turkish: number, lost: number, euro: number): Uint8Array {
  const cost = new Uint8Array(CLASS_COUNT);
  cost[BASIC] = 1;
  cost[EXTENSION] = 2;
  cost[TURKISH] = turkish;
  cost[LOCKING_LOST] = lost;
  cost[EURO] = euro;
  return cost;
}

const DEFAULT_COSTS = costs(0, 1, 2);
// Providers bill Türkçe mode per character, like a locking table, but keep € at two.
const PROVIDER_TR_COSTS = costs(1, 1, 2);
const SINGLE_COSTS = costs(2, 1, 2);
// The locking table puts € at 0x04 and drops the eight characters it replaces.
const LOCKING_COSTS = costs(1, 0, 1);

const CONCAT_IE_OCTETS = { 8: 5, 16: 6 } as const;
const SHIFT_IE_OCTETS = 3;

/**
 * Capacity of one segment from the 140-octet payload minus the UDH (its length octet plus
 * its information elements); GSM-7 septets start on the next septet boundary. "gsm7-tr"
 * signals the given Turkish tables, one table when none is given.
 */
export function segmentCapacity(
  encoding: SmsEncoding,
  options: { turkishTables?: TurkishTables | null; concatenated?: boolean; concatRef?: 8 | 16 } = {},
): number {
  const tables = encoding === "gsm7-tr" ? (options.turkishTables ?? "single") : null;
  const shiftIes = tables === null ? 0 : tables === "both" ? 2 : 1;
  const ies = shiftIes * SHIFT_IE_OCTETS + (options.concatenated ? CONCAT_IE_OCTETS[options.concatRef ?? 8] : 0);
  const payload = 140 - (ies === 0 ? 0 : ies + 1);
  return encoding === "ucs2" ? Math.floor(payload / 2) : Math.floor((payload * 8) / 7);
}

function plan(
  encoding: SmsEncoding,
  turkishTables: TurkishTables | null,
  cost: Uint8Array | null,
  concatRef: 8 | 16,
  reserved: number,
): Plan {
  // A provider "Türkçe" plan names no table (the provider picks it) and gets one table's room.
  return {
    encoding,
    turkishTables,
    cost,
    single: segmentCapacity(encoding, { turkishTables }) - reserved,
    multi: segmentCapacity(encoding, { turkishTables, concatenated: true, concatRef }) - reserved,
  };
}

export interface PlanSet {
  /** GSM-7 candidates, in order of preference when they cost the same. */
  readonly gsm: readonly Plan[];
  readonly ucs2: Plan;
}

const cache = new Map<number, PlanSet>();

/**
 * The candidate plans for the options. "both" tables are never a candidate: with the reference
 * tables they represent exactly what locking shift alone does, at the same cost, with less room.
 */
export function plansFor(options?: AnalyzeOptions): PlanSet {
  const mode = options?.mode ?? "provider";
  const concatRef = options?.concatRef ?? 8;
  const reserved = options?.reservedSuffix ?? 0;
  const key = reserved * 4 + (concatRef === 16 ? 2 : 0) + (mode === "3gpp" ? 1 : 0);
  let set = cache.get(key);
  if (set) return set;
  if (!Number.isInteger(reserved) || reserved < 0 || reserved >= segmentCapacity("ucs2", { concatenated: true, concatRef })) {
    throw new RangeError(`reservedSuffix must be a small non-negative integer, got ${reserved}`);
  }
  const gsm =
    mode === "3gpp"
      ? [
          plan("gsm7", null, DEFAULT_COSTS, concatRef, reserved),
          plan("gsm7-tr", "single", SINGLE_COSTS, concatRef, reserved),
          plan("gsm7-tr", "locking", LOCKING_COSTS, concatRef, reserved),
        ]
      : [plan("gsm7", null, DEFAULT_COSTS, concatRef, reserved), plan("gsm7-tr", null, PROVIDER_TR_COSTS, concatRef, reserved)];
  set = { gsm, ucs2: plan("ucs2", null, null, concatRef, reserved) };
  cache.set(key, set);
  return set;
}
