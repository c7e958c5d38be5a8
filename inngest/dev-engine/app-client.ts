import { canonicalJson, signRequest, verifyResponse } from "./signing";

export type AppResponse = {
  status: number;
  headers: Headers;
  body: string;
  /** True when the response carries a valid signature from the SDK. */
  signed: boolean;
};

export type AppClient = {
  send(method: "POST" | "PUT", url: string, body: unknown, extraHeaders?: Record<string, string>): Promise<AppResponse>;
};

/**
 * Signed requests to the app's serve() endpoint. The body is sent as canonical JSON because the
 * SDK hashes canonicalize(JSON.parse(body)); any other byte order would fail its check.
 */
export function createAppClient(options: { signingKey: string; fetch: typeof fetch; timeoutMs: number }): AppClient {
  return {
    async send(method, url, body, extraHeaders = {}) {
      const text = canonicalJson(body);
      const response = await options.fetch(url, {
        method,
        body: text,
        headers: {
          "content-type": "application/json",
          "x-inngest-signature": signRequest(text, options.signingKey),
          "x-inngest-server-kind": "cloud",
          "x-inngest-req-version": "2",
          ...extraHeaders,
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const responseText = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: responseText,
        signed: verifyResponse(responseText, response.headers.get("x-inngest-signature"), options.signingKey),
      };
    },
  };
}
