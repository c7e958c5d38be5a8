import twilio from "twilio";
import TwilioResponse from "twilio/lib/http/response";
import { httpCall, type FetchLike } from "./http";

type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0] & { data?: T };

/**
 * The official client, carried over our fetch. twilio-node takes a custom `httpClient`, and this
 * one (1) sends to a configurable origin, so tests reach the fake Twilio, (2) uses the injectable
 * fetch with AbortSignal.timeout like every other adapter, and (3) leaves error classification to
 * us: the client's own retry on 429 stays off.
 */
export class FetchRequestClient extends twilio.RequestClient {
  constructor(
    private readonly fetchFn: FetchLike,
    private readonly origin: string,
    private readonly timeoutMs: number,
  ) {
    super({ autoRetry: false });
  }

  override async request<TData>(opts: RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const requested = new URL(opts.uri);
    const url = new URL(requested.pathname + requested.search, this.origin);
    for (const [key, value] of Object.entries(opts.params ?? {})) appendAll(url.searchParams, key, value);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password) headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`;
    let body: string | undefined;
    if (opts.data) {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(opts.data as Record<string, unknown>)) appendAll(form, key, value);
      body = form.toString();
    }
    const answer = await httpCall(this.fetchFn, url.toString(), { method: opts.method.toUpperCase(), headers, body }, opts.timeout ?? this.timeoutMs);
    return new TwilioResponse(answer.status, answer.text as TData, Object.fromEntries(answer.headers));
  }
}

function appendAll(target: URLSearchParams, key: string, value: unknown) {
  if (value === undefined || value === null) return;
  for (const item of Array.isArray(value) ? value : [value]) target.append(key, String(item));
}
