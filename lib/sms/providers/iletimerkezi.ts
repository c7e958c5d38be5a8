import { logger as defaultLogger } from "@/lib/logger";
import { analyzeSms } from "@/lib/sms/encoding";
import { toProviderFormat } from "@/lib/sms/phone";
import { chunkUnique, groupBy, sendChunks } from "./batching";
import { formatIstanbul } from "./dates";
import { asProviderError, connectionFailure, providerFailure, WebhookError } from "./errors";
import { DEFAULT_TIMEOUT_MS, httpCall, joinUrl, parseJson, type HttpAdapterOptions } from "./http";
import { iletimerkeziError, iletimerkeziReportStatus, iletimerkeziWebhookStatus } from "./iletimerkezi-codes";
import { mergeReports, numberKey, splitJobId } from "./reports";
import type { DeliveryReport, OutboundSms, ReportQuery, SendOutcome, SmsProvider } from "./types";
import { checkWebhookToken, readJsonBody } from "./webhook";

export type IletimerkeziConfig = HttpAdapterOptions & {
  apiKey: string;
  /** The hash shown next to the key in the İletimerkezi panel. */
  apiHash: string;
  /** The approved gönderici başlığı; wins over OutboundSms.sender. */
  sender: string;
  /**
   * "0": informational, no İYS check: an enforcement office's notices are not commercial.
   * "1" with iysList for commercial traffic.
   */
  iys?: "0" | "1";
  iysList?: "BIREYSEL" | "TACIR";
  /** Numbers per order; a report page holds at most 1000 rows. */
  maxBatch?: number;
  logger?: Pick<typeof defaultLogger, "warn" | "debug">;
};

const ROWS_PER_PAGE = 1000;

type Answer = { code: string; message?: string; body: Record<string, unknown> };

/**
 * İletimerkezi API v1 (JSON). One order holds many numbers (a message array when texts
 * differ) and reports per number, so a message's id is "orderId:5XXXXXXXXX". Note the API's own
 * spelling `receipents`. Pushed reports are single objects `{ report: { … } }`.
 */
export function createIletimerkeziProvider(config: IletimerkeziConfig): SmsProvider {
  const baseUrl = config.baseUrl ?? "https://api.iletimerkezi.com";
  const fetchFn = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBatch = config.maxBatch ?? 1000;
  const log = config.logger ?? defaultLogger;
  const authentication = { key: config.apiKey, hash: config.apiHash };

  async function call(path: string, request: Record<string, unknown>): Promise<Answer> {
    const answer = await httpCall(
      fetchFn,
      joinUrl(baseUrl, path),
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ request: { authentication, ...request } }),
      },
      timeoutMs,
    );
    const json = parseJson(answer.text) as { response?: Record<string, unknown> } | undefined;
    const status = json?.response?.status as { code?: unknown; message?: unknown } | undefined;
    // A proxy or outage answers without the JSON envelope: fall back to the HTTP status.
    const code = status?.code !== undefined ? String(status.code) : String(answer.status);
    return { code, message: typeof status?.message === "string" ? status.message : undefined, body: json?.response ?? {} };
  }

  async function sendChunk(chunk: OutboundSms[]): Promise<SendOutcome[]> {
    const numbers = chunk.map((sms) => toProviderFormat(sms.to, "national"));
    const sameText = chunk.every((sms) => sms.body === chunk[0].body);
    const message = sameText
      ? { text: chunk[0].body, receipents: { number: numbers } }
      : chunk.map((sms, i) => ({ text: sms.body, receipents: { number: [numbers[i]] } }));
    const answer = await call("/v1/send-sms/json", {
      order: {
        sender: config.sender || chunk[0].sender,
        ...(chunk[0].sendAt ? { sendDateTime: formatIstanbul(chunk[0].sendAt, "dd/MM/yyyy HH:mm") } : {}),
        iys: config.iys ?? "0",
        ...(config.iysList ? { iysList: config.iysList } : {}),
        message,
      },
    });
    const orderId = (answer.body.order as { id?: unknown } | undefined)?.id;
    if (answer.code !== "200" || orderId === undefined) throw iletimerkeziError(answer.code, answer.message);
    return chunk.map((sms, i) => ({
      messageId: sms.messageId,
      outcome: "accepted" as const,
      providerMessageId: `${orderId}:${numbers[i]}`,
      segments: analyzeSms(sms.body).segments,
    }));
  }

  async function fetchReports(query: ReportQuery): Promise<DeliveryReport[]> {
    const orders = [...new Set(query.providerMessageIds.map((id) => splitJobId(id)?.job ?? id))];
    const reports: DeliveryReport[] = [];
    try {
      for (const id of orders) {
        for (let page = 1; ; page++) {
          const answer = await call("/v1/get-report/json", { order: { id, page, rowCount: ROWS_PER_PAGE } });
          // 455: unknown order, 456: scheduled and not sent yet. Neither has anything to report.
          if (answer.code === "455" || answer.code === "456") break;
          if (answer.code !== "200") throw iletimerkeziError(answer.code, answer.message);
          const order = answer.body.order as { id?: unknown; message?: unknown } | undefined;
          const rows = Array.isArray(order?.message) ? (order.message as Record<string, unknown>[]) : [];
          for (const row of rows) {
            const status = iletimerkeziReportStatus(row.status);
            if (!status) {
              log.warn("iletimerkezi report row not understood", { status: String(row.status) });
              continue;
            }
            reports.push({ providerMessageId: `${id}:${numberKey(String(row.number))}`, status, providerStatus: String(row.status), raw: row });
          }
          if (rows.length < ROWS_PER_PAGE) break;
        }
      }
    } catch (error) {
      throw asProviderError(error).withPartial(mergeReports(reports));
    }
    return mergeReports(reports);
  }

  return {
    id: "iletimerkezi",
    capabilities: {
      maxBatch,
      pushReports: true,
      pollReports: true,
      idempotentSubmit: false,
      scheduling: true,
      turkishMode: "provider",
      rateLimit: { perSecond: 100 },
    },
    async send(batch) {
      const groups = groupBy(batch, (sms) => sms.sendAt?.toISOString() ?? "now");
      const chunks = groups.flatMap((group) => chunkUnique(group, maxBatch, (sms) => sms.to));
      return sendChunks(batch, chunks, sendChunk, { provider: "iletimerkezi", log });
    },
    fetchReports,
    async parseWebhook(request, context) {
      checkWebhookToken(request, context);
      const body = (await readJsonBody(request)) as { report?: Record<string, unknown> } | null;
      const report = body?.report;
      if (!report || report.packet_id === undefined || typeof report.to !== "string") throw new WebhookError(400, "İletimerkezi raporu okunamadı");
      const status = iletimerkeziWebhookStatus(report.status);
      if (!status) throw new WebhookError(400, `İletimerkezi rapor durumu tanınmadı: ${String(report.status)}`);
      return [{ providerMessageId: `${report.packet_id}:${numberKey(report.to)}`, status, providerStatus: String(report.status), raw: report }];
    },
    async testConnection() {
      // The balance query proves key and hash; it is the lightest authenticated call.
      try {
        const answer = await call("/v1/get-balance/json", {});
        if (answer.code !== "200") throw iletimerkeziError(answer.code, answer.message);
        const balance = answer.body.balance as { sms?: unknown } | undefined;
        if (!balance) throw providerFailure("protocol", "BODY", "İletimerkezi bakiye yanıtı okunamadı");
        return { ok: true, detail: `Kalan SMS: ${String(balance.sms)}` };
      } catch (error) {
        return connectionFailure(error);
      }
    },
  };
}
