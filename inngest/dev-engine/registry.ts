import { celSyntaxError } from "./cel";
import { parseCron } from "./cron";
import { resolveTimeString } from "./retry";
import type { ConcurrencyOption, FunctionConfig } from "./types";

/** Inngest's default when a function sets no `retries`. */
const defaultRetries = 3;

export type RegisteredFunction = {
  id: string;
  name: string;
  url: string;
  config: FunctionConfig;
  /** Retries + 1: the SDK's `max_attempts`. */
  maxAttempts: number;
  events: { event: string; expression?: string }[];
  crons: string[];
  cancel: { event: string; if?: string; timeout?: string }[];
  concurrency: ConcurrencyOption[];
};

/** Options the engine cannot honour: such a function is refused at sync rather than run wrongly. */
const unsupportedOptions = ["debounce", "batchEvents", "timeouts", "singleton"] as const;

/** A throttle or rate-limit period ("1m", "24h") in ms. */
export function periodMs(period: string): number | undefined {
  const at = resolveTimeString(period, 0);
  return at === undefined || at <= 0 ? undefined : at;
}

/** Returns why the engine cannot run this function, or undefined when it can. */
export function configProblem(config: FunctionConfig): string | undefined {
  for (const option of unsupportedOptions) {
    if (config[option] !== undefined && config[option] !== null) return `option "${option}" is not supported by the embedded engine`;
  }
  const concurrency = normaliseConcurrency(config.concurrency);
  if (concurrency.length > 2) return "at most two concurrency limits are allowed";
  const expressions: string[] = [];
  for (const trigger of config.triggers ?? []) {
    if ("cron" in trigger) {
      try {
        parseCron(trigger.cron);
      } catch (error) {
        return (error as Error).message;
      }
    } else if (trigger.expression) expressions.push(trigger.expression);
  }
  for (const option of concurrency) {
    if (option.scope && option.scope !== "fn" && !option.key) return `concurrency scope "${option.scope}" needs a key`;
    if (option.key) expressions.push(option.key);
  }
  for (const cancel of config.cancel ?? []) if (cancel.if) expressions.push(cancel.if);
  for (const limit of [config.throttle, config.rateLimit]) {
    if (!limit) continue;
    if (periodMs(limit.period) === undefined) return `unreadable period "${limit.period}"`;
    if (limit.key) expressions.push(limit.key);
  }
  if (config.idempotency) expressions.push(config.idempotency);
  for (const expression of expressions) {
    const problem = celSyntaxError(expression);
    if (problem) return `expression "${expression}" does not parse: ${problem}`;
  }
  if (!config.steps?.step?.runtime?.url) return "no step URL in the config";
  return undefined;
}

export function normaliseConcurrency(value: FunctionConfig["concurrency"]): ConcurrencyOption[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "number") return value > 0 ? [{ limit: value }] : [];
  return (Array.isArray(value) ? value : [value]).filter((option) => option.limit > 0);
}

export function toRegistered(config: FunctionConfig): RegisteredFunction {
  const retries = config.steps.step.retries?.attempts ?? defaultRetries;
  const events: RegisteredFunction["events"] = [];
  const crons: string[] = [];
  for (const trigger of config.triggers ?? []) {
    if ("cron" in trigger) crons.push(trigger.cron);
    else events.push({ event: trigger.event, expression: trigger.expression || undefined });
  }
  return {
    id: config.id,
    name: config.name ?? config.id,
    url: config.steps.step.runtime.url,
    config,
    maxAttempts: retries + 1,
    events,
    crons,
    cancel: config.cancel ?? [],
    concurrency: normaliseConcurrency(config.concurrency),
  };
}

/** Inngest allows a trailing wildcard in trigger names ("app/user.*"). */
function nameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/** The synced functions, held in memory for event intake and scheduling. */
export class Registry {
  private functions = new Map<string, RegisteredFunction>();

  replace(functions: RegisteredFunction[]): void {
    this.functions = new Map(functions.map((fn) => [fn.id, fn]));
  }

  get(id: string): RegisteredFunction | undefined {
    return this.functions.get(id);
  }

  all(): RegisteredFunction[] {
    return [...this.functions.values()];
  }

  /** Functions with a trigger on this event name, with the `if` of each such trigger. */
  triggeredBy(eventName: string): { fn: RegisteredFunction; expressions: (string | undefined)[] }[] {
    const found: { fn: RegisteredFunction; expressions: (string | undefined)[] }[] = [];
    for (const fn of this.functions.values()) {
      const triggers = fn.events.filter((candidate) => nameMatches(candidate.event, eventName));
      if (triggers.length) found.push({ fn, expressions: triggers.map((trigger) => trigger.expression) });
    }
    return found;
  }

  cancellableBy(eventName: string): { fn: RegisteredFunction; cancel: RegisteredFunction["cancel"][number] }[] {
    const found: { fn: RegisteredFunction; cancel: RegisteredFunction["cancel"][number] }[] = [];
    for (const fn of this.functions.values()) {
      for (const cancel of fn.cancel) if (cancel.event === eventName) found.push({ fn, cancel });
    }
    return found;
  }
}
