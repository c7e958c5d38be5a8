import { logger as defaultLogger } from "@/lib/logger";
import { analyzeSms } from "@/lib/sms/encoding";
import { toProviderFormat } from "@/lib/sms/phone";
import { chunkUnique, groupBy, sendChunks } from "./batching";
import { formatIstanbul, parseIstanbul } from "./dates";
import { asProviderError, connectionFailure, providerFailure } from "./errors";
import { basicAuth, DEFAULT_TIMEOUT_MS, httpCall, joinUrl, parseJson, retryAfterMs, type HttpAdapterOptions } from "./http";
import { netgsmError, netgsmReportStatus } from "./netgsm-codes";
import { RateWindow } from "./rate-window";
import { mergeReports, numberKey, splitJobId } from "./reports";
import type { ConnectionCheck, DeliveryReport, OutboundSms, ReportQuery, SendOutcome, SmsProvider } from "./types";

export type NetgsmConfig = HttpAdapterOptions & {
  /** Abone numarası / kullanıcı kodu (8508…), sent as HTTP Basic user. */
  usercode: string;
  password: string;
  /** The başlık approved at Netgsm. It wins over OutboundSms.sender: approvals are per provider. */
  msgheader: string;
  /** "0" informational (what an enforcement office sends), "11"/"12" commercial İYS-checked. */
  iysfilter?: "0" | "11" | "12";
  appname?: string;
  partnercode?: string;
  /** Messages per send request. */
  maxBatch?: number;
  /** Netgsm allows 10 report queries a minute; lower it when several workers share an account. */
  reportQueriesPerMinute?: number;
  logger?: Pick<typeof defaultLogger, "warn" | "debug">;
  /** The clock of the local report-query budget (tests move it past the one-minute window). */
  now?: () => number;
};

const PAGE_SIZE = 100;
const JOBS_PER_QUERY = 50;

/**
 * Netgsm REST v2. One request carries up to maxBatch messages and gets one jobid; reports come
 * per (jobid, number), so a message's id is "jobid:5XXXXXXXXX" and one job never holds the same
 * number twice. Netgsm pushes no reports: poll fetchReports, at most 10 queries a minute.
 */
export function createNetgsmProvider(config: NetgsmConfig): SmsProvider & { cancel(providerMessageId: string): Promise<boolean> } {
  const baseUrl = config.baseUrl ?? "https://api.netgsm.com.tr";
  const fetchFn = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBatch = config.maxBatch ?? 100;
  const log = config.logger ?? defaultLogger;
  const now = config.now ?? Date.now;
  const reportWindow = new RateWindow(config.reportQueriesPerMinute ?? 10, 60_000, now);
  const auth = basicAuth(config.usercode, config.password);

  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<{ code: string; json: Record<string, unknown> }> {
    const answer = await httpCall(
      fetchFn,
      joinUrl(baseUrl, path),
      {
        method,
        headers: { Authorization: auth, Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      },
      timeoutMs,
    );
    if (answer.status === 401 || answer.status === 403) throw netgsmError("30", `HTTP ${answer.status}`);
    if (answer.status === 429) throw providerFailure("throttled", "HTTP429", "Netgsm istek sınırı", retryAfterMs(answer.headers, 60_000));
    if (answer.status >= 500) throw providerFailure("server", `HTTP${answer.status}`, `Netgsm HTTP ${answer.status}`);
    const json = parseJson(answer.text);
    if (typeof json !== "object" || json === null || !("code" in json)) {
      throw providerFailure("protocol", `HTTP${answer.status}`, `Netgsm'den okunamayan yanıt (HTTP ${answer.status})`);
    }
    const record = json as Record<string, unknown>;
    return { code: String(record.code), json: record };
  }

  const ok = (code: string) => code === "00" || code === "0";

  async function sendChunk(chunk: OutboundSms[]): Promise<SendOutcome[]> {
    const first = chunk[0];
    const body = {
      msgheader: config.msgheader || first.sender,
      messages: chunk.map((sms) => ({ msg: sms.body, no: toProviderFormat(sms.to, "national") })),
      ...(needsTurkish(first.body) ? { encoding: "TR" } : {}),
      iysfilter: config.iysfilter ?? "0",
      ...schedule(first),
      ...(config.appname ? { appname: config.appname } : {}),
      ...(config.partnercode ? { partnercode: config.partnercode } : {}),
    };
    const { code, json } = await call("POST", "/sms/rest/v2/send", body);
    if (!ok(code) || !json.jobid) throw netgsmError(code, typeof json.description === "string" ? json.description : undefined);
    const jobid = String(json.jobid);
    return chunk.map((sms) => ({
      messageId: sms.messageId,
      outcome: "accepted" as const,
      providerMessageId: `${jobid}:${toProviderFormat(sms.to, "national")}`,
      segments: analyzeSms(sms.body).segments,
    }));
  }

  async function fetchReports(query: ReportQuery): Promise<DeliveryReport[]> {
    const jobids = [...new Set(query.providerMessageIds.map((id) => splitJobId(id)?.job ?? id))];
    const until = new Date(now() + 60 * 60 * 1000);
    const since = query.sentAfter ?? new Date(now() - 3 * 24 * 60 * 60 * 1000);
    const reports: DeliveryReport[] = [];
    try {
      for (let i = 0; i < jobids.length; i += JOBS_PER_QUERY) {
        const ids = jobids.slice(i, i + JOBS_PER_QUERY);
        for (let page = 0; ; page++) {
          const wait = reportWindow.take();
          if (wait > 0) throw providerFailure("throttled", "RATE", "Netgsm rapor sorgu sınırı (dakikada 10)", wait);
          const { code, json } = await call("POST", "/sms/rest/v2/report", {
            jobids: ids,
            startdate: formatIstanbul(since, "dd.MM.yyyy HH:mm:ss"),
            stopdate: formatIstanbul(until, "dd.MM.yyyy HH:mm:ss"),
            pagenumber: page,
            pagesize: PAGE_SIZE,
          });
          if (code === "60") break;
          if (!ok(code)) throw netgsmError(code, typeof json.description === "string" ? json.description : undefined);
          const rows = Array.isArray(json.jobs) ? (json.jobs as Record<string, unknown>[]) : [];
          for (const row of rows) {
            const report = toReport(row);
            if (report) reports.push(report);
          }
          if (rows.length < PAGE_SIZE) break;
        }
      }
    } catch (error) {
      throw asProviderError(error).withPartial(mergeReports(reports));
    }
    return mergeReports(reports);
  }

  function toReport(row: Record<string, unknown>): DeliveryReport | undefined {
    const status = netgsmReportStatus(row.status);
    if (!status || row.jobid === undefined || row.number === undefined) {
      log.warn("netgsm report row not understood", { status: String(row.status) });
      return undefined;
    }
    const errorCode = row.errorCode !== undefined && String(row.errorCode) !== "0" ? String(row.errorCode) : undefined;
    return {
      providerMessageId: `${row.jobid}:${numberKey(String(row.number))}`,
      status,
      at: status === "sent" ? undefined : parseIstanbul(row.deliveredDate),
      providerStatus: String(row.status),
      ...(errorCode ? { errorCode } : {}),
      raw: row,
    };
  }

  async function testConnection(): Promise<ConnectionCheck> {
    try {
      const { code, json } = await call("GET", "/sms/rest/v2/msgheader");
      if (!ok(code)) throw netgsmError(code, typeof json.description === "string" ? json.description : undefined);
      const senders = Array.isArray(json.msgheaders) ? json.msgheaders.map(String) : [];
      if (!senders.includes(config.msgheader)) {
        return { ok: false, reason: "config", code: "40", text: `"${config.msgheader}" başlığı hesapta tanımlı değil` };
      }
      return { ok: true, senders };
    } catch (error) {
      return connectionFailure(error);
    }
  }

  return {
    id: "netgsm",
    capabilities: {
      maxBatch,
      pushReports: false,
      pollReports: true,
      idempotentSubmit: false,
      scheduling: true,
      turkishMode: "provider",
      rateLimit: { perMinute: config.reportQueriesPerMinute ?? 10 },
    },
    async send(batch) {
      const groups = groupBy(batch, (sms) => `${needsTurkish(sms.body)}|${JSON.stringify(schedule(sms))}`);
      const chunks = groups.flatMap((group) => chunkUnique(group, maxBatch, (sms) => sms.to));
      return sendChunks(batch, chunks, sendChunk, { provider: "netgsm", log });
    },
    fetchReports,
    testConnection,
    async cancel(providerMessageId) {
      const jobid = splitJobId(providerMessageId)?.job ?? providerMessageId;
      const { code, json } = await call("POST", "/sms/rest/v2/cancel", { jobid });
      if (ok(code)) return true;
      if (code === "60") return false;
      throw netgsmError(code, typeof json.description === "string" ? json.description : undefined);
    },
  };
}

function needsTurkish(body: string): boolean {
  return analyzeSms(body).encoding === "gsm7-tr";
}

/** startdate = scheduled send, stopdate = end of validity, both "ddMMyyyyHHmm" Istanbul time. */
function schedule(sms: OutboundSms): { startdate?: string; stopdate?: string } {
  const start = sms.sendAt;
  const out: { startdate?: string; stopdate?: string } = {};
  if (start) out.startdate = formatIstanbul(start, "ddMMyyyyHHmm");
  if (sms.validForMinutes) {
    const from = start ?? new Date();
    out.stopdate = formatIstanbul(new Date(from.getTime() + sms.validForMinutes * 60_000), "ddMMyyyyHHmm");
  }
  return out;
}
