import { getEnv } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * JSON-lines logger. Callers pass ids and counts, never message bodies, full phone numbers or
 * secrets (use maskPhone for numbers).
 */
function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < order[getEnv().LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

/**
 * An error's message fit for a log line. Database errors quote the failed statement's
 * parameters (phone numbers, message texts), so everything from "params:" on is dropped.
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cut = text.indexOf("\nparams:");
  return (cut >= 0 ? text.slice(0, cut) : text).slice(0, 500);
}
