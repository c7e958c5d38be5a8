import { providerFailure } from "./errors";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type HttpAnswer = { status: number; headers: Headers; text: string };

/** Settings every HTTP adapter accepts besides its credentials. */
export type HttpAdapterOptions = {
  /** Overridable so tests point the adapter at a fake server. */
  baseUrl?: string;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  /** Per request. Providers answer in well under a second; 15 s means something is wrong. */
  timeoutMs?: number;
};

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * One HTTP exchange. Only transport problems throw here (classified as "timeout" or "network",
 * both of which may mean the provider got the request); HTTP error statuses are returned for
 * the adapter to read, because each provider puts its error code somewhere else.
 */
export async function httpCall(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw transportError(error, timeoutMs);
  }
  try {
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw transportError(error, timeoutMs);
  }
}

function transportError(error: unknown, timeoutMs: number) {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return providerFailure("timeout", "TIMEOUT", `Sağlayıcı ${timeoutMs} ms içinde yanıt vermedi`);
  }
  // Node's fetch says only "fetch failed"; the cause names the socket error (ECONNREFUSED …).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: string } | undefined)?.code ?? "NETWORK";
  return providerFailure("network", code, `Sağlayıcıya bağlanılamadı (${code})`);
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, fallbackMs?: number): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return fallbackMs;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - Date.now());
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
