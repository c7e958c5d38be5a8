import crypto from "node:crypto";
import { Ledger, type FateOptions, type LedgerEntry } from "./fates";
import { FakeRateLimit, HttpFake, parseBasicAuth, type FakeRequest, type FakeResponse } from "./http-fake";
import { Pusher } from "./pusher";
import { providerUnits } from "./text-limits";

export type TwilioFakeOptions = FateOptions & {
  accountSid?: string;
  authToken?: string;
  /** Numbers and alphanumeric senders the account may send from. */
  senders?: string[];
  /** Recipients who texted STOP: 21610. */
  unsubscribed?: string[];
  /** Requests per second before 20429 (HTTP 429). */
  requestsPerSecond?: number;
  duplicateEvery?: number;
  /** Every nth message's "sent" callback arrives after its final one. */
  lateSentEvery?: number;
  pushRetryDelayMs?: number;
};

export type TwilioFakeMessage = LedgerEntry & { to: string; from: string; body: string; statusCallback?: string; segments: number };

const HTTP_STATUS: Record<number, number> = { 20003: 401, 20404: 404, 20429: 429, 20500: 500, 20503: 503 };
const MESSAGES: Record<number, string> = {
  20003: "Authenticate",
  20404: "The requested resource was not found",
  20429: "Too Many Requests",
  20500: "Internal Server Error",
  20503: "Service Unavailable",
  21211: "The 'To' number is not a valid phone number.",
  21602: "Message body is required.",
  21606: "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account.",
  21610: "Attempt to send to unsubscribed recipient",
  21614: "'To' number is not a valid mobile number",
  21617: "The concatenated message body exceeds the 1600 character limit.",
};

/** Twilio's webhook signature: base64 HMAC-SHA1 over the URL followed by each sorted key and its value. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return crypto.createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/**
 * Twilio's Messages API (2010-04-01): form-urlencoded in, JSON out (201 + the message), errors as
 * `{ code, message, more_info, status }`. Wrong credentials → 20003/401, a malformed To → 21211,
 * a landline (+90 2xx/3xx/4xx) → 21614, an unsubscribed number → 21610, an unknown From → 21606,
 * no Body → 21602, Body over 1600 → 21617, too fast → 20429; failNext("<code>") forces any code.
 * StatusCallbacks are signed with X-Twilio-Signature.
 */
export class TwilioFake extends HttpFake {
  readonly accountSid: string;
  readonly authToken: string;
  readonly ledger: Ledger<TwilioFakeMessage>;
  readonly pusher: Pusher;
  private readonly options: TwilioFakeOptions;
  private readonly limit: FakeRateLimit;
  private pending = 0;

  constructor(options: TwilioFakeOptions = {}) {
    super();
    this.options = options;
    this.accountSid = options.accountSid ?? `AC${"0123456789abcdef".repeat(2)}`;
    this.authToken = options.authToken ?? "twilio-auth-token-0123456789";
    this.ledger = new Ledger(options);
    this.limit = new FakeRateLimit(options.requestsPerSecond ?? 10_000, 1_000, this.ledger.now);
    this.pusher = new Pusher({ retries: 0, retryDelayMs: options.pushRetryDelayMs ?? 1_000, concurrency: 16 });
  }

  get messages(): TwilioFakeMessage[] {
    return this.ledger.entries;
  }

  override async close(): Promise<void> {
    this.pusher.close();
    await super.close();
  }

  async callbacksDone(): Promise<void> {
    await this.ledger.settled();
    while (this.pending > 0) await new Promise((r) => setTimeout(r, 20));
    await this.pusher.idle();
  }

  protected handle(request: FakeRequest): FakeResponse {
    const base = `/2010-04-01/Accounts/${this.accountSid}`;
    const auth = parseBasicAuth(request.headers.authorization);
    if (!auth || auth.user !== this.accountSid || auth.password !== this.authToken || !request.url.pathname.startsWith(base)) return error(20003);
    if (!this.limit.hit()) return error(20429);
    const path = request.url.pathname.slice(base.length);
    if (path === ".json" && request.method === "GET") {
      return { status: 200, body: { sid: this.accountSid, friendly_name: "İcra SMS test", status: "active", type: "Full" } };
    }
    if (path === "/Messages.json" && request.method === "POST") return this.create(new URLSearchParams(request.body));
    const m = /^\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(path);
    if (m && request.method === "GET") {
      const message = this.ledger.entries.find((e) => e.id === m[1]);
      return message ? { status: 200, body: this.resource(message) } : error(20404);
    }
    return error(20404);
  }

  private create(form: URLSearchParams): FakeResponse {
    const forced = this.takeForced("send");
    if (forced) return error(Number(forced));
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? form.get("MessagingServiceSid") ?? "";
    const body = form.get("Body") ?? "";
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return error(21211);
    if (/^\+90[234]/.test(to)) return error(21614);
    if (this.options.unsubscribed?.includes(to)) return error(21610);
    if (!(this.options.senders ?? ["ICRA DAIRESI", "+15005550006"]).includes(from) && !from.startsWith("MG")) return error(21606);
    if (body === "") return error(21602);
    if (body.length > 1600) return error(21617);
    const { alphabet, units } = providerUnits(body);
    const ucs2 = alphabet !== "gsm";
    const segments = ucs2 ? (units <= 70 ? 1 : Math.ceil(units / 67)) : units <= 160 ? 1 : Math.ceil(units / 153);
    const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
    const message = this.ledger.add({ id: sid, number: to, to, from, body, statusCallback: form.get("StatusCallback") ?? undefined, segments });
    this.scheduleCallbacks(message);
    return { status: 201, body: this.resource(message, "queued") };
  }

  private finalStatus(m: TwilioFakeMessage): { status: string; errorCode: number | null } {
    if (m.fate === "delivered") return { status: "delivered", errorCode: null };
    if (m.fate === "blacklisted") return { status: "failed", errorCode: 30004 };
    return { status: "undelivered", errorCode: m.fate === "expired" ? 30008 : 30003 };
  }

  private resource(m: TwilioFakeMessage, status?: string) {
    const final = this.finalStatus(m);
    const current = status ?? (this.ledger.isFinal(m) ? final.status : "sent");
    return {
      sid: m.id,
      account_sid: this.accountSid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: current,
      num_segments: String(m.segments),
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: new Date(m.acceptedAt).toUTCString(),
      date_updated: new Date(current === final.status ? m.finalAt : m.acceptedAt).toUTCString(),
      error_code: current === final.status ? final.errorCode : null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.id}.json`,
    };
  }

  private scheduleCallbacks(m: TwilioFakeMessage) {
    const url = m.statusCallback;
    if (!url) return;
    const n = this.ledger.entries.length;
    const finalIn = Math.max(0, m.finalAt - this.ledger.now());
    const final = this.finalStatus(m);
    const late = this.options.lateSentEvery && n % this.options.lateSentEvery === 0;
    const steps: [number, string, number | null][] = [
      [late ? finalIn + 20 : Math.floor(finalIn / 2), "sent", null],
      [finalIn, final.status, final.errorCode],
    ];
    if (this.options.duplicateEvery && n % this.options.duplicateEvery === 0) steps.push([finalIn + 25, final.status, final.errorCode]);
    for (const [delay, status, errorCode] of steps) {
      this.pending++;
      this.later(delay, () => {
        this.pending--;
        const params: Record<string, string> = {
          AccountSid: this.accountSid,
          ApiVersion: "2010-04-01",
          From: m.from,
          To: m.to,
          MessageSid: m.id,
          SmsSid: m.id,
          MessageStatus: status,
          SmsStatus: status,
          ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
        };
        this.pusher.push(url, {
          body: new URLSearchParams(params).toString(),
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilioSignature(this.authToken, url, params) },
        });
      });
    }
  }
}

function error(code: number): FakeResponse {
  const status = HTTP_STATUS[code] ?? 400;
  return { status, body: { code, message: MESSAGES[code] ?? "Error", more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}
