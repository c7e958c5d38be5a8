import twilio from "twilio";
import { logger as defaultLogger } from "@/lib/logger";
import { maskPhone } from "@/lib/sms/phone";
import { asProviderError, connectionFailure, outcomeFor, ProviderError, WebhookError } from "./errors";
import { DEFAULT_TIMEOUT_MS, type HttpAdapterOptions } from "./http";
import { mapLimited } from "./batching";
import { mergeReports } from "./reports";
import { twilioError, twilioReportStatus } from "./twilio-codes";
import { FetchRequestClient } from "./twilio-http";
import type { DeliveryReport, OutboundSms, SendOutcome, SmsProvider } from "./types";

export type TwilioConfig = HttpAdapterOptions & {
  accountSid: string;
  authToken: string;
  /** A Twilio number or approved alphanumeric sender; or use messagingServiceSid. */
  from?: string;
  /** Needed for scheduled sends (ScheduleType=fixed). */
  messagingServiceSid?: string;
  /** Where Twilio posts status callbacks: the app's public webhook URL. */
  statusCallbackUrl?: string;
  /** Requests in flight at once (Twilio takes one message per request). */
  concurrency?: number;
  logger?: Pick<typeof defaultLogger, "warn" | "debug">;
};

// Twilio keeps a message at most 36,000 s (10 h) in its queue; longer wishes get the maximum.
const MAX_VALIDITY_S = 36_000;

/**
 * Twilio Messages API, the international fallback. Sending goes through the official `twilio`
 * client with a custom httpClient (FetchRequestClient): the client cannot be pointed at another
 * origin by itself, but its httpClient hook can, and that keeps the SDK's request building and
 * RestException parsing while tests talk to the fake. StatusCallback signatures are checked
 * with twilio.validateRequest.
 */
export function createTwilioProvider(config: TwilioConfig): SmsProvider {
  const log = config.logger ?? defaultLogger;
  const httpClient = new FetchRequestClient(config.fetch ?? fetch, config.baseUrl ?? "https://api.twilio.com", config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const client = twilio(config.accountSid, config.authToken, { httpClient, autoRetry: false });
  const concurrency = config.concurrency ?? 4;

  function classify(error: unknown): ProviderError {
    if (error instanceof ProviderError) return error;
    const rest = error as { status?: unknown; code?: unknown; message?: unknown };
    if (typeof rest.status === "number") {
      return twilioError(rest.status, typeof rest.code === "number" ? rest.code : undefined, typeof rest.message === "string" ? rest.message : undefined);
    }
    return asProviderError(error);
  }

  async function sendOne(sms: OutboundSms): Promise<SendOutcome> {
    const scheduled = sms.sendAt && config.messagingServiceSid;
    try {
      const message = await client.messages.create({
        to: sms.to,
        body: sms.body,
        ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from ?? sms.sender }),
        ...(config.statusCallbackUrl ? { statusCallback: config.statusCallbackUrl } : {}),
        ...(sms.validForMinutes ? { validityPeriod: Math.min(sms.validForMinutes * 60, MAX_VALIDITY_S) } : {}),
        ...(scheduled ? { scheduleType: "fixed" as const, sendAt: sms.sendAt } : {}),
      });
      return { messageId: sms.messageId, outcome: "accepted", providerMessageId: message.sid, segments: Number(message.numSegments) || undefined };
    } catch (error) {
      const failure = classify(error);
      log.warn("twilio send not accepted", { to: maskPhone(sms.to), code: failure.code, reason: failure.reason });
      return outcomeFor(sms, failure);
    }
  }

  return {
    id: "twilio",
    capabilities: { maxBatch: 100, pushReports: true, pollReports: true, idempotentSubmit: false, scheduling: Boolean(config.messagingServiceSid), turkishMode: "ucs2" },
    send: (batch) => mapLimited(batch, concurrency, sendOne),
    async fetchReports(query) {
      const reports: DeliveryReport[] = [];
      try {
        await mapLimited(query.providerMessageIds, concurrency, async (sid) => {
          try {
            const message = await client.messages(sid).fetch();
            const status = twilioReportStatus(message.status);
            if (!status) return;
            reports.push({
              providerMessageId: sid,
              status,
              at: message.dateUpdated ?? undefined,
              providerStatus: message.status,
              ...(message.errorCode ? { errorCode: String(message.errorCode) } : {}),
              raw: { sid, status: message.status, errorCode: message.errorCode },
            });
          } catch (error) {
            const failure = classify(error);
            // A sid Twilio does not know (another account, deleted) has nothing to report.
            if (failure.code === "20404") return;
            throw failure;
          }
        });
      } catch (error) {
        throw classify(error).withPartial(mergeReports(reports));
      }
      return mergeReports(reports);
    },
    async parseWebhook(request, context) {
      const params = Object.fromEntries(new URLSearchParams(await request.text()));
      const signature = request.headers.get("x-twilio-signature") ?? "";
      // Twilio signs the URL it was given; behind a proxy that is not request.url.
      if (!twilio.validateRequest(config.authToken, signature, context?.url ?? request.url, params)) {
        throw new WebhookError(401, "X-Twilio-Signature does not match");
      }
      if (!params.MessageSid || !params.MessageStatus) throw new WebhookError(400, "not a message status callback");
      const status = twilioReportStatus(params.MessageStatus);
      if (!status) return [];
      return [
        {
          providerMessageId: params.MessageSid,
          status,
          providerStatus: params.MessageStatus,
          ...(params.ErrorCode ? { errorCode: params.ErrorCode } : {}),
          raw: params,
        },
      ];
    },
    async testConnection() {
      try {
        const account = await client.api.v2010.accounts(config.accountSid).fetch();
        if (account.status !== "active") return { ok: false, reason: "auth", code: "ACCOUNT", text: `Twilio hesabı ${account.status}` };
        return { ok: true, detail: account.friendlyName };
      } catch (error) {
        return connectionFailure(classify(error));
      }
    },
  };
}
