import { formatIstanbul } from "@/lib/sms/providers/dates";
import { Ledger, type FateOptions, type LedgerEntry } from "./fates";
import { FakeRateLimit, HttpFake, parseBasicAuth, tryJson, type FakeRequest, type FakeResponse } from "./http-fake";
import { tooLongForProvider } from "./text-limits";

export type NetgsmFakeOptions = FateOptions & {
  usercode?: string;
  password?: string;
  msgheaders?: string[];
  /** Whether the account may send İYS-checked (commercial) messages; without it iysfilter 11/12 → 51. */
  iysBrand?: boolean;
  /** Send requests per minute before code 80 (Netgsm's limit depends on the contract). */
  sendsPerMinute?: number;
  /** Report queries per minute before code 80: 10, as documented. */
  reportsPerMinute?: number;
  /** Each page after the first starts one row early, as happens when rows move between two page reads. */
  overlappingPages?: boolean;
};

export type NetgsmFakeMessage = LedgerEntry & { jobid: string; msg: string; msgheader: string; encoding?: string; cancelled: boolean };

const DATE_REPORT = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}(:\d{2})?$/;
const DATE_SEND = /^\d{12}$/;

/**
 * Netgsm REST v2 as documented: Basic auth, JSON bodies, answers `{ code, description, jobid }`
 * with HTTP 200 for "00" and 406 for an error code. Every code can be forced with
 * failNext("NN") (endpoint "send" or "report"); most also happen for real: a wrong password
 * → 30, an unknown msgheader → 40, an over-long or empty text → 20, iysfilter 11 without a
 * brand → 51, bad parameters or malformed JSON → 70, a 21st job to one number within a minute
 * → 85, the 11th report query within a minute → 80.
 */
export class NetgsmFake extends HttpFake {
  readonly usercode: string;
  readonly password: string;
  readonly ledger: Ledger<NetgsmFakeMessage>;
  private readonly options: NetgsmFakeOptions;
  private readonly sendLimit: FakeRateLimit;
  private readonly reportLimit: FakeRateLimit;
  private readonly jobsPerNumber = new Map<string, number[]>();
  private nextJob = 1_700_000_000;

  constructor(options: NetgsmFakeOptions = {}) {
    super();
    this.options = options;
    this.usercode = options.usercode ?? "8508401234";
    this.password = options.password ?? "netgsm-secret";
    this.ledger = new Ledger(options);
    this.sendLimit = new FakeRateLimit(options.sendsPerMinute ?? 1_000, 60_000, this.ledger.now);
    this.reportLimit = new FakeRateLimit(options.reportsPerMinute ?? 10, 60_000, this.ledger.now);
  }

  /** Every message Netgsm accepted (what was really "sent"). */
  get messages(): NetgsmFakeMessage[] {
    return this.ledger.entries;
  }

  protected handle(request: FakeRequest): FakeResponse {
    const path = request.url.pathname;
    const auth = parseBasicAuth(request.headers.authorization);
    if (!auth || auth.user !== this.usercode || auth.password !== this.password) return error("30", "Geçersiz kullanıcı adı, şifre veya API erişim izni yok");
    if (path === "/sms/rest/v2/send" && request.method === "POST") return this.send(request.body);
    if (path === "/sms/rest/v2/report" && request.method === "POST") return this.report(request.body);
    if (path === "/sms/rest/v2/msgheader" && request.method === "GET") {
      return { status: 200, body: { code: "00", description: "success", msgheaders: this.headers() } };
    }
    if (path === "/sms/rest/v2/cancel" && request.method === "POST") return this.cancel(request.body);
    return { status: 404, body: "Not Found" };
  }

  private headers() {
    return this.options.msgheaders ?? ["ICRA DAIRESI", "ICRADAIRESI"];
  }

  private send(text: string): FakeResponse {
    const forced = this.takeForced("send");
    if (forced) return error(forced, "forced");
    if (!this.sendLimit.hit()) return error("80", "Gönderim sınır aşımı");
    const body = tryJson(text) as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object") return error("70", "Hatalı sorgulama");
    const { msgheader, messages, encoding, iysfilter, startdate, stopdate } = body;
    if (typeof msgheader !== "string" || !Array.isArray(messages) || messages.length === 0) return error("70", "Hatalı sorgulama");
    if (!this.headers().includes(msgheader)) return error("40", "Mesaj başlığı sistemde tanımlı değil");
    if (encoding !== undefined && encoding !== "TR") return error("70", "Hatalı sorgulama");
    if (iysfilter !== undefined && !["0", "11", "12"].includes(String(iysfilter))) return error("70", "Hatalı sorgulama");
    if (iysfilter !== undefined && iysfilter !== "0" && !this.options.iysBrand) return error("51", "İYS marka bilgisi bulunamadı");
    for (const date of [startdate, stopdate]) if (date !== undefined && !DATE_SEND.test(String(date))) return error("70", "Hatalı sorgulama");
    for (const m of messages as { msg?: unknown; no?: unknown }[]) {
      if (typeof m?.msg !== "string" || typeof m.no !== "string") return error("70", "Hatalı sorgulama");
      if (m.msg.length === 0 || tooLongForProvider(m.msg)) return error("20", "Mesaj metni hatalı veya çok uzun");
    }
    const now = this.ledger.now();
    for (const m of messages as { no: string }[]) {
      const recent = (this.jobsPerNumber.get(m.no) ?? []).filter((t) => t > now - 60_000);
      if (recent.length >= 20) return error("85", "Aynı numaraya 1 dakikada 20'den fazla görev");
    }
    const jobid = String(this.nextJob++);
    const startAt = startdate ? parseSendDate(String(startdate)) : undefined;
    for (const m of messages as { msg: string; no: string }[]) {
      this.jobsPerNumber.set(m.no, [...(this.jobsPerNumber.get(m.no) ?? []).filter((t) => t > now - 60_000), now]);
      this.ledger.add(
        { id: `${jobid}:${m.no}`, jobid, number: m.no, msg: m.msg, msgheader, encoding: encoding as string | undefined, cancelled: false },
        startAt,
      );
    }
    return { status: 200, body: { code: "00", description: "queued", jobid } };
  }

  private report(text: string): FakeResponse {
    if (!this.reportLimit.hit()) return error("80", "Sorgulama sınır aşımı", { jobs: [] });
    const forced = this.takeForced("report");
    if (forced) return error(forced, "forced", { jobs: [] });
    const body = tryJson(text) as Record<string, unknown> | undefined;
    const page = Number(body?.pagenumber ?? 0);
    const size = Number(body?.pagesize ?? 100);
    if (!body || !DATE_REPORT.test(String(body.startdate)) || !DATE_REPORT.test(String(body.stopdate))) return error("70", "Hatalı sorgulama", { jobs: [] });
    if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > 100) return error("70", "Hatalı sorgulama", { jobs: [] });
    const jobids = Array.isArray(body.jobids) ? body.jobids.map(String) : undefined;
    const rows = this.ledger.entries.filter((m) => !jobids || jobids.includes(m.jobid));
    const from = Math.max(0, page * size - (this.options.overlappingPages && page > 0 ? 1 : 0));
    const slice = rows.slice(from, from + size);
    if (slice.length === 0) return error("60", "Kayıt bulunamadı", { jobs: [] });
    return { status: 200, body: { code: "00", description: "success", jobs: slice.map((m, i) => this.row(m, i)) } };
  }

  private row(m: NetgsmFakeMessage, index: number) {
    const invalid = !/^5\d{9}$/.test(m.number);
    const final = this.ledger.isFinal(m) || m.cancelled;
    const status = m.cancelled ? 4 : invalid ? 3 : !final ? 0 : { delivered: 1, undelivered: 11, expired: 2, blacklisted: 15 }[m.fate];
    const errorCode = invalid ? 105 : !final ? 0 : { delivered: 0, undelivered: 102, expired: 111, blacklisted: 106 }[m.fate];
    // The documentation shows both date forms; alternate so clients must read both.
    const pattern = index % 2 === 0 ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";
    return {
      jobid: m.jobid,
      number: `90${m.number}`,
      status,
      operator: 30,
      msglen: [...m.msg].length,
      deliveredDate: status === 1 ? formatIstanbul(new Date(m.finalAt), pattern) : "",
      errorCode,
      referansID: `${m.jobid}${index}`,
    };
  }

  private cancel(text: string): FakeResponse {
    const jobid = String((tryJson(text) as { jobid?: unknown } | undefined)?.jobid ?? "");
    const pending = this.ledger.entries.filter((m) => m.jobid === jobid && !this.ledger.isFinal(m) && !m.cancelled);
    if (pending.length === 0) return error("60", "Görev bulunamadı");
    for (const m of pending) m.cancelled = true;
    return { status: 200, body: { code: "00", description: "cancelled" } };
  }
}

function error(code: string, description: string, extra: object = { jobid: null }): FakeResponse {
  return { status: 406, body: { code, description, ...extra } };
}

/** "ddMMyyyyHHmm" Istanbul time → epoch ms. */
function parseSendDate(value: string): number {
  const [dd, MM, yyyy, HH, mm] = [value.slice(0, 2), value.slice(2, 4), value.slice(4, 8), value.slice(8, 10), value.slice(10, 12)];
  return Date.UTC(+yyyy, +MM - 1, +dd, +HH, +mm) - 3 * 60 * 60 * 1000;
}
