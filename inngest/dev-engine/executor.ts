import type { AppClient } from "./app-client";
import type { RegisteredFunction } from "./registry";
import { parseRetryAfter } from "./retry";
import type { ConcurrencySlot, EventPayload, Op, SerializedError, StepState } from "./types";

/** A claimed request: "step" asks the app what comes next, a hash runs that planned step. */
export type Job = {
  runId: string;
  target: string;
  attempt: number;
  concurrency: ConcurrencySlot[] | null;
  /** The run's row as the claim read it, which spares a query for a run that has no steps yet. */
  run?: { functionId: string; event: EventPayload; resolvedCount: number; disableImmediate: boolean };
};

/** What a request needs to know about its run; kept in memory while a worker drives the run. */
export type RunContext = {
  runId: string;
  fn: RegisteredFunction;
  event: EventPayload;
  /** Memoised results by step hash, in the order they resolved (the SDK's stack). */
  memo: Map<string, StepState>;
  /** The run's resolvedCount this memo reflects; a different count in the database means reload. */
  resolvedCount: number;
  disableImmediate: boolean;
};

export type Outcome =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: Op[]; retryAfterMs?: number }
  | { kind: "error"; retriable: boolean; error: SerializedError; retryAfterMs?: number };

function requestBody(context: RunContext, job: Job) {
  const stack = [...context.memo.keys()];
  return {
    event: context.event,
    events: [context.event],
    steps: Object.fromEntries(context.memo),
    // No fn_id: with it the SDK switches to checkpointing against an API the engine does not serve.
    ctx: {
      run_id: context.runId,
      attempt: job.attempt,
      max_attempts: context.fn.maxAttempts,
      disable_immediate_execution: context.disableImmediate || job.target !== "step",
      use_api: false,
      stack: { stack, current: stack.length },
    },
    version: 2,
  };
}

function stepUrl(fnUrl: string, target: string): string {
  const url = new URL(fnUrl);
  url.searchParams.set("stepId", target);
  return url.toString();
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asError(value: unknown, fallback: string): SerializedError {
  if (value && typeof value === "object" && typeof (value as SerializedError).message === "string") {
    const error = value as SerializedError;
    return { ...error, name: typeof error.name === "string" ? error.name : "Error" };
  }
  return { name: "Error", message: fallback };
}

/** Sends one request for the job and reads the response the way Inngest's executor does. */
export async function callApp(app: AppClient, context: RunContext, job: Job): Promise<Outcome> {
  let response;
  try {
    response = await app.send("POST", stepUrl(context.fn.url, job.target), requestBody(context, job));
  } catch (error) {
    const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : String(error);
    return { kind: "error", retriable: true, error: { name: "EngineRequestError", message: `request to the app failed: ${message}` } };
  }
  const body = parseJson(response.body);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  if (!response.signed && (response.status === 200 || response.status === 206)) {
    return {
      kind: "error",
      retriable: true,
      error: { name: "EngineSignatureError", message: `the response (HTTP ${response.status}) carries no valid SDK signature; is the serve URL right?` },
    };
  }
  if (response.status === 200) return { kind: "completed", output: body };
  if (response.status === 206 && body) {
    const ops = (Array.isArray(body) ? body : [body]) as Op[];
    // An empty list would leave the run with nothing to wait for: treat it as a failed attempt.
    if (ops.length > 0) return { kind: "ops", ops, retryAfterMs };
  }
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const fallback =
    response.status === 401
      ? "the app rejected the engine's signature (HTTP 401): do the engine and the app share INNGEST_SIGNING_KEY?"
      : `HTTP ${response.status} from the app`;
  return { kind: "error", retriable: !noRetry, error: asError(body, fallback), retryAfterMs };
}
