import { CHAR_CLASS, CLASS_COUNT, UCS } from "./gsm-tables";
import type { Plan, PlanSet } from "./plans";

/** The chosen plan and what the text costs with it. */
export interface Measure {
  readonly plan: Plan;
  readonly units: number;
  readonly segments: number;
  /** Units in the last segment. */
  readonly lastUnits: number;
  /** Index of the first character GSM-7 cannot carry, -1 if none. */
  readonly firstUcs: number;
}

// Scratch counters reused by every call: JavaScript runs one call at a time and no caller
// keeps them, so the hot path allocates nothing for counting.
const counts = new Int32Array(CLASS_COUNT);

// Transpilers that emit CommonJS (tsx) turn imported bindings into property getters; the hot
// loops read these module-level copies instead (a 5x difference measured with tsx).
const classes: Uint8Array = CHAR_CLASS;
const tableSize = CHAR_CLASS.length;
const ucs = UCS;

function countClasses(text: string): number {
  counts.fill(0);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < tableSize ? classes[code] : ucs;
    if (cls === ucs) return i;
    counts[cls]++;
  }
  return -1;
}

function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff || i + 1 >= text.length) return false;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * Greedy split into concatenated parts of `plan.multi` units. A two-unit item (GSM escape pair,
 * UTF-16 surrogate pair) never straddles parts, so a part may end one unit short; pushes the
 * start index of every part after the first into `starts` when given.
 */
export function walkParts(text: string, plan: Plan, starts: number[] | null): { parts: number; lastUnits: number } {
  const cost = plan.cost;
  const capacity = plan.multi;
  let parts = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    let units: number;
    let width = 1;
    if (cost !== null) {
      const code = text.charCodeAt(i);
      units = cost[code < tableSize ? classes[code] : ucs];
    } else {
      width = isPairAt(text, i) ? 2 : 1;
      units = width;
    }
    if (used + units > capacity) {
      starts?.push(i);
      parts++;
      used = 0;
    }
    used += units;
    i += width - 1;
  }
  return { parts, lastUnits: used };
}

function fit(text: string, plan: Plan, units: number, hasPairs: boolean, firstUcs: number): Measure {
  if (units <= plan.single) return { plan, units, segments: units === 0 ? 0 : 1, lastUnits: units, firstUcs };
  if (!hasPairs) {
    const segments = Math.ceil(units / plan.multi);
    return { plan, units, segments, lastUnits: units - (segments - 1) * plan.multi, firstUcs };
  }
  const { parts, lastUnits } = walkParts(text, plan, null);
  return { plan, units, segments: parts, lastUnits, firstUcs };
}

/** Units still free in the last segment. */
export function remaining(m: Measure): number {
  return (m.segments > 1 ? m.plan.multi : m.plan.single) - m.lastUnits;
}

function hasSurrogatePair(text: string, from: number): boolean {
  for (let i = from; i < text.length - 1; i++) if (isPairAt(text, i)) return true;
  return false;
}

/**
 * Picks the cheapest plan: fewest segments, then most room left. GSM-7 never needs more
 * segments than UCS-2 (a character costs at most 2 units, while a GSM segment holds more than
 * twice a UCS-2 one), so UCS-2 is chosen only for text GSM-7 cannot carry.
 */
export function measure(text: string, set: PlanSet): Measure {
  const firstUcs = countClasses(text);
  if (firstUcs >= 0) return fit(text, set.ucs2, text.length, hasSurrogatePair(text, firstUcs), firstUcs);
  let best: Measure | null = null;
  for (const plan of set.gsm) {
    const cost = plan.cost as Uint8Array;
    let units = 0;
    let hasPairs = false;
    let representable = true;
    for (let cls = 1; cls < CLASS_COUNT; cls++) {
      const n = counts[cls];
      if (n === 0) continue;
      if (cost[cls] === 0) {
        representable = false;
        break;
      }
      units += n * cost[cls];
      if (cost[cls] === 2) hasPairs = true;
    }
    if (!representable) continue;
    const m = fit(text, plan, units, hasPairs, -1);
    if (best === null || m.segments < best.segments || (m.segments === best.segments && remaining(m) > remaining(best))) {
      best = m;
    }
  }
  // Every text without UCS-only characters fits the default or a Turkish plan.
  return best as Measure;
}
