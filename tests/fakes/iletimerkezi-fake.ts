import { Ledger, type FateOptions, type LedgerEntry } from "./fates";
import { HttpFake, tryJson, type FakeRequest, type FakeResponse } from "./http-fake";
import { Pusher } from "./pusher";
import { providerSegments } from "./text-limits";

export type IletimerkeziFakeOptions = FateOptions & {
  apiKey?: string;
  apiHash?: string;
  senders?: string[];
  /** SMS credits; 402 when an order costs more. */
  credits?: number;
  /** Where reports are pushed; no pushes without it. */
  pushUrl?: string;
  /** İletimerkezi's retry policy is not documented: 2 retries by default, tests shorten the delay. */
  pushRetryDelayMs?: number;
  duplicateEvery?: number;
  /** Every nth message's "accepted" push arrives after its final one. */
  lateAcceptedEvery?: number;
};

export type IletimerkeziFakeMessage = LedgerEntry & { orderId: string; text: string; sender: string; startAt?: number };

const MESSAGES: Record<string, string> = {
  "200": "İşlem başarılı",
  "400": "İstek çözümlenemedi",
  "401": "Üyelik bilgileri hatalı",
  "402": "Bakiye yetersiz",
  "404": "API istek yapılan yönteme sahip değil",
  "450": "Gönderilen başlık kullanıma uygun değil",
  "451": "Tekrar eden sipariş",
  "452": "Mesaj alıcıları hatalı",
  "453": "Sipariş boyutu aşıldı",
  "454": "Mesaj metni boş",
  "455": "Sipariş bulunamadı",
  "456": "Sipariş gönderim tarihi henüz gelmedi",
  "457": "Gönderim tarihinin formatı hatalı",
  "503": "Sunucu geçici olarak servis dışı",
};

/**
 * İletimerkezi API v1: JSON envelope `{ response: { status: { code, message } } }` with the
 * HTTP status equal to the code. Real triggers: malformed JSON 400, wrong key/hash 401, credits
 * 402, unknown path 404, unapproved sender 450, the same order again within 10 minutes 451,
 * bad or missing `receipents` 452, more than 7 parts 453, empty text 454, unknown order 455,
 * scheduled order 456, bad sendDateTime 457; failNext(code) forces any of them (or 503).
 */
export class IletimerkeziFake extends HttpFake {
  readonly apiKey: string;
  readonly apiHash: string;
  readonly ledger: Ledger<IletimerkeziFakeMessage>;
  readonly pusher: Pusher;
  private readonly options: IletimerkeziFakeOptions;
  private readonly recentOrders = new Map<string, number>();
  private credits: number;
  private nextOrder = 90_000_000;
  private pending = 0;

  constructor(options: IletimerkeziFakeOptions = {}) {
    super();
    this.options = options;
    this.apiKey = options.apiKey ?? "ik-public-key";
    this.apiHash = options.apiHash ?? "ik-hash-0123456789abcdef";
    this.ledger = new Ledger(options);
    this.credits = options.credits ?? Number.POSITIVE_INFINITY;
    this.pusher = new Pusher({ retries: 2, retryDelayMs: options.pushRetryDelayMs ?? 60_000 });
  }

  get messages(): IletimerkeziFakeMessage[] {
    return this.ledger.entries;
  }

  override async close(): Promise<void> {
    this.pusher.close();
    await super.close();
  }

  async pushesDone(): Promise<void> {
    await this.ledger.settled();
    while (this.pending > 0) await new Promise((r) => setTimeout(r, 20));
    await this.pusher.idle();
  }

  protected handle(request: FakeRequest): FakeResponse {
    const path = request.url.pathname;
    const known = ["/v1/send-sms/json", "/v1/get-report/json", "/v1/get-balance/json"];
    if (request.method !== "POST" || !known.includes(path)) return answer("404");
    const body = tryJson(request.body) as { request?: Record<string, unknown> } | undefined;
    if (!body?.request || typeof body.request !== "object") return answer("400");
    const auth = body.request.authentication as { key?: unknown; hash?: unknown } | undefined;
    if (auth?.key !== this.apiKey || auth?.hash !== this.apiHash) return answer("401");
    const endpoint = path === "/v1/send-sms/json" ? "send" : path === "/v1/get-report/json" ? "report" : "balance";
    const forced = this.takeForced(endpoint);
    if (forced) return answer(forced);
    const order = (body.request.order ?? {}) as Record<string, unknown>;
    if (endpoint === "send") return this.send(order);
    if (endpoint === "report") return this.report(order);
    return answer("200", { balance: { amount: "250.00", sms: String(this.credits === Number.POSITIVE_INFINITY ? 100_000 : this.credits) } });
  }

  private send(order: Record<string, unknown>): FakeResponse {
    const senders = this.options.senders ?? ["ICRA DAIRESI"];
    if (typeof order.sender !== "string" || !senders.includes(order.sender)) return answer("450");
    let startAt: number | undefined;
    if (order.sendDateTime !== undefined) {
      const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(String(order.sendDateTime));
      if (!m) return answer("457");
      startAt = Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]) - 3 * 3_600_000;
    }
    const parts = Array.isArray(order.message) ? order.message : [order.message];
    const items: { text: string; number: string }[] = [];
    for (const part of parts as { text?: unknown; receipents?: { number?: unknown } }[]) {
      const numbers = part?.receipents?.number;
      if (!Array.isArray(numbers) || numbers.length === 0) return answer("452");
      if (typeof part.text !== "string" || part.text.trim() === "") return answer("454");
      if (providerSegments(part.text) > 7) return answer("453");
      for (const n of numbers) {
        const digits = String(n).replace(/^(\+?90|0)/, "");
        if (!/^5\d{9}$/.test(digits)) return answer("452");
        items.push({ text: part.text, number: digits });
      }
    }
    const now = this.ledger.now();
    const key = `${order.sender}|${items.map((i) => `${i.number}:${i.text}`).sort().join("|")}`;
    if ((this.recentOrders.get(key) ?? -Infinity) > now - 10 * 60_000) return answer("451");
    const cost = items.reduce((sum, i) => sum + providerSegments(i.text), 0);
    if (cost > this.credits) return answer("402");
    this.credits -= cost;
    this.recentOrders.set(key, now);
    const orderId = String(this.nextOrder++);
    for (const item of items) {
      const entry = this.ledger.add({ id: `${orderId}:${item.number}`, orderId, number: item.number, text: item.text, sender: order.sender, startAt }, startAt);
      this.schedulePushes(entry);
    }
    return answer("200", { order: { id: orderId } });
  }

  private report(order: Record<string, unknown>): FakeResponse {
    const entries = this.ledger.entries.filter((m) => m.orderId === String(order.id));
    if (entries.length === 0) return answer("455");
    if (entries[0].startAt !== undefined && entries[0].startAt > this.ledger.now()) return answer("456");
    const page = Number(order.page ?? 1);
    const rowCount = Number(order.rowCount ?? 1000);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(rowCount) || rowCount < 1 || rowCount > 1000) return answer("400");
    const rows = entries.slice((page - 1) * rowCount, page * rowCount).map((m) => ({ number: `+90${m.number}`, status: this.statusCode(m) }));
    const done = entries.every((m) => this.ledger.isFinal(m));
    const failed = done && entries.every((m) => m.fate !== "delivered");
    return answer("200", { order: { id: String(order.id), status: !done ? 113 : failed ? 115 : 114, total: entries.length, message: rows } });
  }

  private statusCode(m: IletimerkeziFakeMessage): number {
    if (!this.ledger.isFinal(m)) return 110;
    return m.fate === "delivered" ? 111 : 112;
  }

  private schedulePushes(entry: IletimerkeziFakeMessage) {
    const url = this.options.pushUrl;
    if (!url) return;
    const n = this.ledger.entries.length;
    const report = (status: string) => ({ report: { id: `r${entry.id}`, packet_id: entry.orderId, status, to: `+90${entry.number}`, body: entry.text } });
    const push = (status: string) => this.pusher.push(url, { body: JSON.stringify(report(status)), headers: { "Content-Type": "application/json" } });
    const finalStatus = entry.fate === "delivered" ? "delivered" : "undelivered";
    const finalIn = Math.max(0, entry.finalAt - this.ledger.now());
    const late = this.options.lateAcceptedEvery && n % this.options.lateAcceptedEvery === 0;
    const twice = this.options.duplicateEvery && n % this.options.duplicateEvery === 0;
    const steps: [number, string][] = [
      [late ? finalIn + 20 : 0, "accepted"],
      [finalIn, finalStatus],
      ...(twice ? ([[finalIn + 25, finalStatus]] as [number, string][]) : []),
    ];
    for (const [delay, status] of steps) {
      this.pending++;
      this.later(delay, () => {
        this.pending--;
        push(status);
      });
    }
  }
}

function answer(code: string, extra: object = {}): FakeResponse {
  return { status: Number(code), body: { response: { status: { code, message: MESSAGES[code] ?? "Hata" }, ...extra } } };
}
