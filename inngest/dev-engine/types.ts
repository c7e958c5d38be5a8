/** An event as functions receive it. */
export type EventPayload = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: unknown;
  v?: string;
};

/** What a sender may post; the engine fills in id and ts. */
export type IncomingEvent = {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
  user?: unknown;
  v?: string;
};

export type SerializedError = { name: string; message: string; stack?: string; [key: string]: unknown };

export type Trigger = { event: string; expression?: string } | { cron: string; jitter?: string };

export type ConcurrencyOption = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

/** The function config served by the SDK at sync (only the fields the engine reads). */
export type FunctionConfig = {
  id: string;
  name?: string;
  triggers: Trigger[];
  steps: Record<string, { id: string; name: string; runtime: { type: string; url: string }; retries?: { attempts: number } }>;
  concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
  cancel?: { event: string; if?: string; timeout?: string }[];
  throttle?: { limit: number; period: string; key?: string; burst?: number };
  rateLimit?: { limit: number; period: string; key?: string };
  idempotency?: string;
  priority?: unknown;
  debounce?: unknown;
  batchEvents?: unknown;
  timeouts?: unknown;
  singleton?: unknown;
};

/** One entry of a 206 response: what the SDK found or did. */
export type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown> & { type?: string; parallelMode?: string; timeout?: string; if?: string };
  userland?: { id?: string; index?: number };
  data?: unknown;
  error?: SerializedError;
};

/** A partition of a concurrency limit that a run counts against. */
export type ConcurrencySlot = { key: string; limit: number };

/** Memoised state of one step, in the shape the SDK reads from the request body. */
export type StepState = { data: unknown } | { error: SerializedError };
