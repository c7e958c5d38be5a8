import { parse } from "@marcbachmann/cel-js";

// Inngest's expressions (trigger `if`, waitForEvent `if`/`match`, cancelOn, concurrency and
// throttle keys) are CEL over `event` (the run's triggering event) and `async` (the incoming one).

type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    cache.set(expression, compiled);
  }
  return compiled;
}

/** Returns an error message when the expression does not parse, for sync-time validation. */
export function celSyntaxError(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

/**
 * True only when the expression evaluates to `true`. A missing field or a type error counts as
 * "no match", as in Inngest, rather than failing the event intake.
 */
export function celMatches(expression: string, variables: Record<string, unknown>): boolean {
  try {
    return compile(expression)(variables) === true;
  } catch {
    return false;
  }
}

/** The value of a key expression as a string; undefined when it cannot be evaluated. */
export function celKey(expression: string, variables: Record<string, unknown>): string | undefined {
  let value: unknown;
  try {
    value = compile(expression)(variables);
  } catch {
    return undefined;
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}
