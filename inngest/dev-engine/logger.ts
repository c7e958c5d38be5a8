export type LogLevel = "debug" | "info" | "warn" | "error";
/** Only ids, names, counts and error messages: event data may hold phone numbers. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface EngineLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** JSON lines on stdout (errors and warnings on stderr), one object per line. */
export function createJsonLogger(options: { level?: LogLevel; write?: (line: string, level: LogLevel) => void } = {}): EngineLogger {
  const min = order[options.level ?? "info"];
  const write =
    options.write ??
    ((line: string, level: LogLevel) => (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`));
  const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    if (order[level] < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, component: "inngest-engine", msg, ...fields }), level);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: EngineLogger = { debug() {}, info() {}, warn() {}, error() {} };
