import crypto from "node:crypto";
import { logger as defaultLogger } from "@/lib/logger";
import { analyzeSms } from "@/lib/sms/encoding";
import { toProviderFormat } from "@/lib/sms/phone";
import { chunkUnique, groupBy, sendChunks } from "./batching";
import { formatIstanbul, parseIstanbul } from "./dates";
import { asProviderError, connectionFailure, providerFailure, WebhookError } from "./errors";
import { DEFAULT_TIMEOUT_MS, httpCall, joinUrl, parseJson, retryAfterMs, type HttpAdapterOptions } from "./http";
import { RateWindow } from "./rate-window";
import { mergeReports } from "./reports";
import type { ConnectionCheck, DeliveryReport, OutboundSms, ReportQuery, SendOutcome, SmsProvider } from "./types";
import { verimorDatacoding, verimorHttpError, verimorReportStatus, verimorSendError } from "./verimor-codes";
import { checkWebhookToken, readJsonBody } from "./webhook";

export type VerimorConfig = HttpAdapterOptions & {
  /** The account's 12-digit number (908501234567). */
  username: string;
  password: string;
  /** The başlık approved at Verimor; wins over OutboundSms.sender. */
  sourceAddr: string;
  maxBatch?: number;
  /** Verimor allows 150 requests a minute per account, all endpoints together. */
  requestsPerMinute?: number;
  logger?: Pick<typeof defaultLogger, "warn" | "debug">;
  now?: () => number;
};

/**
 * Verimor SMS API v2 (send.json, status, push). Each message carries our idempotency key as its
 * message custom id, so both polled rows and pushed reports name it: a message's id is
 * "campaignId:idempotencyKey". Verimor does not deduplicate on it, so idempotentSubmit is false.
 */
export function createVerimorProvider(config: VerimorConfig): SmsProvider {
  const baseUrl = config.baseUrl ?? "https://sms.verimor.com.tr";
  const fetchFn = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBatch = config.maxBatch ?? 500;
  const log = config.logger ?? defaultLogger;
  const budget = new RateWindow(config.requestsPerMinute ?? 150, 60_000, config.now ?? Date.now);
  const credentials = { username: config.username, password: config.password };

  async function call(method: "GET" | "POST", path: string, init: { query?: Record<string, string>; json?: unknown } = {}) {
    const wait = budget.take();
    if (wait > 0) throw providerFailure("throttled", "RATE", "Verimor istek sınırı (dakikada 150)", wait);
    // GET endpoints take the credentials in the query string: the URL must never be logged.
    const query = init.query ? `?${new URLSearchParams({ ...init.query, ...credentials })}` : "";
    return httpCall(
      fetchFn,
      joinUrl(baseUrl, path) + query,
      {
        method,
        headers: { Accept: "*/*", ...(init.json ? { "Content-Type": "application/json" } : {}) },
        body: init.json ? JSON.stringify(init.json) : undefined,
      },
      timeoutMs,
    );
  }

  async function sendChunk(chunk: OutboundSms[]): Promise<SendOutcome[]> {
    const first = chunk[0];
    const keys = chunk.map((sms) => customId(sms.idempotencyKey));
    const answer = await call("POST", "/v2/send.json", {
      json: {
        ...credentials,
        source_addr: config.sourceAddr || first.sender,
        ...settings(first),
        custom_id: chunk.length === 1 ? keys[0] : `batch-${crypto.createHash("sha1").update(keys.join(",")).digest("hex").slice(0, 20)}`,
        messages: chunk.map((sms, i) => ({ msg: sms.body, dest: toProviderFormat(sms.to, "international-digits"), id: keys[i] })),
      },
    });
    const campaignId = answer.text.trim();
    if (answer.status !== 200 || !/^\d+$/.test(campaignId)) {
      throw verimorSendError(answer.status, answer.text, retryAfterMs(answer.headers));
    }
    return chunk.map((sms, i) => ({
      messageId: sms.messageId,
      outcome: "accepted" as const,
      providerMessageId: `${campaignId}:${keys[i]}`,
      segments: analyzeSms(sms.body).segments,
    }));
  }

  /** One campaign's rows, 100 at a time (greater_than = the last message_id seen). */
  async function pollCampaign(select: { id: string } | { custom_id: string }, into: DeliveryReport[]) {
    let greaterThan: string | undefined;
    for (;;) {
      const answer = await call("GET", "/v2/status", { query: { ...select, ...(greaterThan ? { greater_than: greaterThan } : {}) } });
      if (answer.status === 404) return;
      if (answer.status !== 200) throw verimorHttpError(answer.status, answer.text, retryAfterMs(answer.headers));
      const rows = parseJson(answer.text);
      if (!Array.isArray(rows)) throw providerFailure("protocol", "BODY", "Verimor durum yanıtı okunamadı");
      into.push(...rows.map(toReport).filter((r): r is DeliveryReport => r !== undefined));
      if (rows.length < 100) return;
      greaterThan = String(rows[rows.length - 1].message_id);
    }
  }

  async function fetchReports(query: ReportQuery): Promise<DeliveryReport[]> {
    const campaigns = [...new Set(query.providerMessageIds.map((id) => id.slice(0, id.indexOf(":"))).filter(Boolean))];
    const reports: DeliveryReport[] = [];
    try {
      for (const id of campaigns) await pollCampaign({ id }, reports);
      // A message sent alone has our key as its campaign's custom_id: found even if the send timed out.
      for (const key of query.idempotencyKeys ?? []) await pollCampaign({ custom_id: customId(key) }, reports);
    } catch (error) {
      throw asProviderError(error).withPartial(mergeReports(reports));
    }
    return mergeReports(reports);
  }

  function toReport(row: Record<string, unknown>): DeliveryReport | undefined {
    const status = verimorReportStatus(row.status);
    if (!status || row.campaign_id === undefined) {
      log.warn("verimor report row not understood", { status: String(row.status) });
      return undefined;
    }
    const own = row.message_custom_id ? String(row.message_custom_id) : `#${row.message_id}`;
    const gsmError = row.gsm_error !== undefined && row.gsm_error !== null && String(row.gsm_error) !== "0" ? String(row.gsm_error) : undefined;
    return {
      providerMessageId: `${row.campaign_id}:${own}`,
      status,
      at: parseIstanbul(row.done_at) ?? parseIstanbul(row.sent_at),
      providerStatus: String(row.status),
      ...(gsmError ? { errorCode: gsmError } : {}),
      raw: row,
    };
  }

  return {
    id: "verimor",
    capabilities: {
      maxBatch,
      pushReports: true,
      pollReports: true,
      idempotentSubmit: false,
      scheduling: true,
      turkishMode: "provider",
      rateLimit: { perMinute: config.requestsPerMinute ?? 150 },
    },
    async send(batch) {
      const groups = groupBy(batch, (sms) => JSON.stringify(settings(sms)));
      // Rows carry our key per message, so one number may appear twice in a campaign.
      const chunks = groups.flatMap((group) => chunkUnique(group, maxBatch, (sms) => sms.messageId));
      return sendChunks(batch, chunks, sendChunk, { provider: "verimor", log });
    },
    fetchReports,
    async parseWebhook(request, context) {
      checkWebhookToken(request, context);
      const body = await readJsonBody(request);
      if (!Array.isArray(body)) throw new WebhookError(400, "Verimor push gövdesi bir dizi değil");
      // The same URL also receives incoming SMS ("inbound"); those are not delivery reports.
      const rows = body.filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null && row.type !== "inbound");
      return mergeReports(rows.map(toReport).filter((r): r is DeliveryReport => r !== undefined));
    },
    async testConnection(): Promise<ConnectionCheck> {
      try {
        const answer = await call("GET", "/v2/headers", { query: {} });
        if (answer.status !== 200) throw verimorHttpError(answer.status, answer.text);
        const senders = parseJson(answer.text);
        if (!Array.isArray(senders)) throw providerFailure("protocol", "BODY", "Verimor başlık listesi okunamadı");
        if (!senders.includes(config.sourceAddr)) {
          return { ok: false, reason: "config", code: "INVALID_SOURCE_ADDRESS", text: `"${config.sourceAddr}" başlığı Verimor hesabında yok` };
        }
        return { ok: true, senders: senders.map(String) };
      } catch (error) {
        return connectionFailure(error);
      }
    },
  };
}

/** Our key as a Verimor message id: commas separate ids there. */
function customId(key: string): string {
  return key.replace(/,/g, "_");
}

/** Per-request settings: messages that differ here go in different requests. */
function settings(sms: OutboundSms): { datacoding: "0" | "1" | "2"; send_at?: string; valid_for?: string } {
  const out: { datacoding: "0" | "1" | "2"; send_at?: string; valid_for?: string } = { datacoding: verimorDatacoding(analyzeSms(sms.body).encoding) };
  if (sms.sendAt) out.send_at = formatIstanbul(sms.sendAt, "yyyy-MM-dd HH:mm:ss");
  if (sms.validForMinutes) {
    // Verimor takes 00:01 to 48:00; longer wishes get the longest it allows.
    const minutes = Math.min(Math.max(1, Math.round(sms.validForMinutes)), 48 * 60);
    out.valid_for = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  }
  return out;
}
