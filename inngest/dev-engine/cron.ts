import { CronExpressionParser } from "cron-parser";

// Cron triggers as Inngest writes them: "0 9 * * 1-5", optionally prefixed "TZ=Europe/Istanbul "
// or "CRON_TZ=…"; without a prefix the schedule is in UTC.

export type CronSchedule = { expression: string; tz: string };

export function parseCron(spec: string): CronSchedule {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(spec.trim());
  const schedule = match ? { tz: match[1], expression: match[2].trim() } : { tz: "UTC", expression: spec.trim() };
  try {
    CronExpressionParser.parse(schedule.expression, { tz: schedule.tz });
    new Intl.DateTimeFormat("en", { timeZone: schedule.tz });
  } catch (error) {
    throw new Error(`invalid cron "${spec}": ${error instanceof Error ? error.message : String(error)}`);
  }
  return schedule;
}

/** The first slot strictly after `afterMs`. */
export function nextSlot(spec: string, afterMs: number): number {
  const { expression, tz } = parseCron(spec);
  return CronExpressionParser.parse(expression, { currentDate: new Date(afterMs), tz }).next().getTime();
}

function latestSlotAtOrBefore(spec: string, nowMs: number): number {
  const { expression, tz } = parseCron(spec);
  return CronExpressionParser.parse(expression, { currentDate: new Date(nowMs + 1), tz }).prev().getTime();
}

export type CronDecision = {
  /** The slot to fire now, if any. */
  fire?: number;
  /** Slots that passed while nobody was watching and are dropped (Inngest does not backfill). */
  missed: number;
  /** The new mark: every slot up to here is settled. */
  mark: number;
};

const maxCounted = 1000;

/**
 * Decides what a schedule owes at `nowMs` given the last settled slot. Only the latest due slot
 * may fire, and only while it is at most `graceMs` late; older ones are counted as missed.
 * Returns undefined when no slot is due.
 */
export function decideCron(spec: string, lastSlotMs: number, nowMs: number, graceMs: number): CronDecision | undefined {
  const first = nextSlot(spec, lastSlotMs);
  if (first > nowMs) return undefined;
  const latest = latestSlotAtOrBefore(spec, nowMs);
  let due = 1;
  for (let slot = first; slot < latest && due < maxCounted; slot = nextSlot(spec, slot)) due++;
  const fire = nowMs - latest <= graceMs ? latest : undefined;
  return { fire, missed: fire === undefined ? due : due - 1, mark: latest };
}
