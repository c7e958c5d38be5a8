import { formatIstanbul } from "@/lib/sms/providers/dates";
import { Ledger, type FateOptions, type LedgerEntry } from "./fates";
import { FakeRateLimit, HttpFake, tryJson, type FakeRequest, type FakeResponse } from "./http-fake";
import { Pusher } from "./pusher";
import { providerSegments, tooLongForProvider } from "./text-limits";

export type VerimorFakeOptions = FateOptions & {
  username?: string;
  password?: string;
  headers?: string[];
  credits?: number;
  requestsPerMinute?: number;
  maxBodyBytes?: number;
  /** The customer's push URL (set in OİM); no pushes without it. */
  pushUrl?: string;
  /** Verimor waits 5 minutes between its 3 extra tries; tests shorten it. */
  pushRetryDelayMs?: number;
  /** Every nth message's final row is pushed a second time, in a later array. */
  duplicateEvery?: number;
  /** Every nth message gets a stale WAITING row pushed after its final row. */
  lateWaitingEvery?: number;
  forbiddenWords?: string[];
};

export type VerimorFakeMessage = LedgerEntry & {
  campaignId: number;
  campaignCustomId?: string;
  customId?: string;
  msg: string;
  sourceAddr: string;
  datacoding: string;
  doubleSend: boolean;
};

const FINAL_STATUS = { delivered: "DELIVERED", undelivered: "NOT_DELIVERED", expired: "EXPIRED", blacklisted: "BLACKLISTED_DESTINATION_ADDRESS" };
const GSM_ERROR = { delivered: "0", undelivered: "27", expired: "2048", blacklisted: "0" };

/**
 * Verimor SMS API v2: plain-text answers (campaign id, or HTTP 400 + an error word), 401 for
 * bad credentials, 413 above maxBodyBytes, 429 above 150 requests a minute, status polling by
 * id/custom_id with greater_than paging (100 rows), and JSON-array pushes retried on non-200.
 * failNext(word or HTTP status) forces the next send's answer.
 */
export class VerimorFake extends HttpFake {
  readonly username: string;
  readonly password: string;
  readonly ledger: Ledger<VerimorFakeMessage>;
  readonly pusher: Pusher;
  private readonly options: VerimorFakeOptions;
  private readonly limit: FakeRateLimit;
  private readonly sentToday = new Set<string>();
  private credits: number;
  private nextCampaign = 20_000;
  private nextMessage = 13_580_000;
  private pushBuffer: object[] = [];
  private pushed = 0;
  private extraPending = 0;

  constructor(options: VerimorFakeOptions = {}) {
    super();
    this.options = options;
    this.username = options.username ?? "908501234567";
    this.password = options.password ?? "verimor-secret";
    this.ledger = new Ledger(options);
    this.limit = new FakeRateLimit(options.requestsPerMinute ?? 150, 60_000, this.ledger.now);
    this.credits = options.credits ?? Number.POSITIVE_INFINITY;
    this.pusher = new Pusher({ retries: 3, retryDelayMs: options.pushRetryDelayMs ?? 300_000 });
  }

  get messages(): VerimorFakeMessage[] {
    return this.ledger.entries;
  }

  override async close(): Promise<void> {
    this.pusher.close();
    await super.close();
  }

  /** Resolves when every message has been pushed final and every push has been answered or given up. */
  async pushesDone(): Promise<void> {
    await this.ledger.settled();
    while (this.pushed < this.ledger.entries.length || this.extraPending > 0 || this.pushBuffer.length > 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.pusher.idle();
  }

  protected handle(request: FakeRequest): FakeResponse {
    if (!this.limit.hit()) return { status: 429, body: "Too Many Requests" };
    const path = request.url.pathname;
    if (path === "/v2/send.json" && request.method === "POST") return this.send(request.body);
    const query = request.url.searchParams;
    if (query.get("username") !== this.username || query.get("password") !== this.password) return { status: 401, body: "Geçersiz kullanıcı adı/şifre" };
    if (path === "/v2/status" && request.method === "GET") return this.status(query);
    if (path === "/v2/headers" && request.method === "GET") return { status: 200, body: this.headers() };
    return { status: 404, body: "Not Found" };
  }

  private headers() {
    return this.options.headers ?? ["ICRA DAIRESI"];
  }

  private send(text: string): FakeResponse {
    if (Buffer.byteLength(text) > (this.options.maxBodyBytes ?? 10 * 1024 * 1024)) return { status: 413, body: "Request Entity Too Large" };
    const forced = this.takeForced("send");
    if (forced) return /^\d+$/.test(forced) ? { status: Number(forced), body: forced === "401" ? "Hesabınızda izinli IP ayarları yapılmamış" : "error" } : bad(forced);
    const body = tryJson(text) as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object") return bad("Geçersiz JSON");
    if (body.username !== this.username || body.password !== this.password) return { status: 401, body: "Geçersiz kullanıcı adı/şifre" };
    const source = typeof body.source_addr === "string" && body.source_addr ? body.source_addr : this.headers()[0];
    if (!this.headers().includes(source)) return bad("INVALID_SOURCE_ADDRESS");
    const datacoding = body.datacoding === undefined ? undefined : String(body.datacoding);
    if (datacoding !== undefined && !["0", "1", "2"].includes(datacoding)) return bad("INVALID_DATACODING");
    if (body.valid_for !== undefined && !validPeriod(String(body.valid_for))) return bad("INVALID_PERIOD");
    const sendAt = body.send_at === undefined ? undefined : Date.parse(String(body.send_at).replace(" ", "T") + (String(body.send_at).includes("T") ? "" : "+03:00"));
    if (sendAt !== undefined && (Number.isNaN(sendAt) || sendAt < this.ledger.now() - 60_000)) return bad("INVALID_DELIVERY_TIME");
    if (!Array.isArray(body.messages) || body.messages.length === 0) return bad("MISSING_MESSAGE");
    let cost = 0;
    for (const m of body.messages as Record<string, unknown>[]) {
      if (typeof m?.msg !== "string" || m.msg === "") return bad("MISSING_MESSAGE");
      if (tooLongForProvider(m.msg)) return bad("MESSAGE_TOO_LONG");
      if ((this.options.forbiddenWords ?? ["YASAKLI"]).some((w) => (m.msg as string).toUpperCase().includes(w))) return bad("FORBIDDEN_MESSAGE");
      if (typeof m.dest !== "string" || m.dest.trim() === "") return bad("MISSING_DESTINATION_ADDRESS");
      const dests = m.dest.split(",");
      if (!dests.every((d) => /^90\d{10}$/.test(d.trim()) || /^(00|\+)\d{8,15}$/.test(d.trim()))) return bad("INVALID_DESTINATION_ADDRESS");
      cost += dests.length * providerSegments(m.msg);
    }
    if (cost > this.credits) return bad("INSUFFICIENT_CREDITS");
    this.credits -= cost;
    const campaignId = this.nextCampaign++;
    const day = formatIstanbul(new Date(this.ledger.now()), "yyyy-MM-dd");
    for (const m of body.messages as { msg: string; dest: string; id?: string }[]) {
      const dests = m.dest.split(",").map((d) => d.trim());
      const ids = typeof m.id === "string" ? m.id.split(",") : [];
      dests.forEach((dest, i) => {
        const key = `${source}|${dest}|${m.msg}|${day}`;
        const entry = this.ledger.add(
          {
            id: String(this.nextMessage++),
            number: dest,
            campaignId,
            campaignCustomId: typeof body.custom_id === "string" ? body.custom_id : undefined,
            customId: ids.length === dests.length ? ids[i] : undefined,
            msg: m.msg,
            sourceAddr: source,
            datacoding: datacoding ?? "auto",
            doubleSend: this.sentToday.has(key),
          },
          sendAt,
        );
        this.sentToday.add(key);
        this.schedulePush(entry);
      });
    }
    return { status: 200, body: String(campaignId) };
  }

  private status(query: URLSearchParams): FakeResponse {
    const id = query.get("id");
    const customId = query.get("custom_id");
    const rows = this.ledger.entries.filter((m) => (id ? String(m.campaignId) === id : customId ? m.campaignCustomId === customId : false));
    if (rows.length === 0) return { status: 404, body: "Bu idye sahip kampanya bulunamadı" };
    const dests = query.get("dest")?.split(",");
    const greater = Number(query.get("greater_than") ?? 0);
    const page = rows
      .filter((m) => Number(m.id) > greater && (!dests || dests.includes(m.number)))
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, 100);
    return { status: 200, body: page.map((m) => this.row(m, this.ledger.isFinal(m))) };
  }

  row(m: VerimorFakeMessage, final: boolean): Record<string, unknown> {
    const status = !final ? "WAITING" : m.doubleSend ? "DOUBLE_SEND_ERROR" : FINAL_STATUS[m.fate];
    const done = final ? formatIstanbul(new Date(m.finalAt), "yyyy-MM-dd HH:mm:ss") : null;
    return {
      campaign_id: m.campaignId,
      campaign_custom_id: m.campaignCustomId ?? null,
      message_id: m.id,
      message_custom_id: m.customId ?? null,
      dest: m.number,
      size: providerSegments(m.msg),
      international_multiplier: 1,
      credits: providerSegments(m.msg),
      status,
      gsm_error: final && !m.doubleSend ? GSM_ERROR[m.fate] : "0",
      sent_at: status === "DELIVERED" ? done : null,
      done_at: done,
    };
  }

  private schedulePush(entry: VerimorFakeMessage) {
    if (!this.options.pushUrl) {
      this.pushed++;
      return;
    }
    this.later(Math.max(0, entry.finalAt - this.ledger.now()), () => {
      const n = Number(entry.id) - 13_580_000 + 1;
      this.bufferPush(this.row(entry, true));
      if (this.options.duplicateEvery && n % this.options.duplicateEvery === 0) this.extra(30, this.row(entry, true));
      if (this.options.lateWaitingEvery && n % this.options.lateWaitingEvery === 0) this.extra(15, this.row(entry, false));
      this.pushed++;
    });
  }

  private extra(delayMs: number, row: Record<string, unknown>) {
    this.extraPending++;
    this.later(delayMs, () => {
      this.extraPending--;
      this.bufferPush(row);
    });
  }

  private bufferPush(row: Record<string, unknown>) {
    this.pushBuffer.push({ type: "outbound", ...row });
    if (this.pushBuffer.length > 1) return;
    // Rows that become final close together travel in one array, as Verimor sends them.
    this.later(10, () => {
      const rows = this.pushBuffer.splice(0);
      this.pusher.push(this.options.pushUrl!, { body: JSON.stringify(rows), headers: { "Content-Type": "application/json", Accept: "*/*" } });
    });
  }
}

function bad(word: string): FakeResponse {
  return { status: 400, body: word };
}

function validPeriod(value: string): boolean {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!m || +m[2] > 59) return false;
  const minutes = +m[1] * 60 + +m[2];
  return minutes >= 1 && minutes <= 48 * 60;
}
