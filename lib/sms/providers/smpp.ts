import { logger as defaultLogger } from "@/lib/logger";
import { maskPhone, toProviderFormat } from "@/lib/sms/phone";
import { asProviderError, connectionFailure, messageFailure, outcomeFor, type ProviderError } from "./errors";
import { mapLimited } from "./batching";
import { isThrottling, smppSubmitError } from "./smpp-codes";
import { buildSubmitParts, type SubmitPart } from "./smpp-encode";
import { SmppLink } from "./smpp-link";
import { isDeliveryReceipt, parseReceipt, ReceiptAssembler } from "./smpp-receipts";
import type { DeliveryReport, OutboundSms, SendOutcome, SmsProvider } from "./types";

export type SmppConfig = {
  host: string;
  port: number;
  tls?: boolean;
  systemId: string;
  password: string;
  systemType?: string;
  /** Sender (alphanumeric başlık or number); wins over OutboundSms.sender. */
  sourceAddr?: string;
  /** Receipts arrive on the link at any time; the caller applies them (applyDeliveryReport). */
  onReport?: (report: DeliveryReport) => void;
  enquireLinkMs?: number;
  responseTimeoutMs?: number;
  reconnect?: { initialMs?: number; maxMs?: number };
  /** ESME_RTHROTTLED / ESME_RMSGQFUL: resubmit after initialMs, doubling, this many times. */
  throttle?: { retries?: number; initialMs?: number; maxMs?: number };
  /** Messages submitted concurrently (the SMSC's window). */
  window?: number;
  logger?: Pick<typeof defaultLogger, "warn" | "debug">;
};

export type SmppProvider = SmsProvider & {
  /** Binds now (otherwise the first send does). */
  connect(): Promise<void>;
  close(): Promise<void>;
  readonly bound: boolean;
};

/**
 * SMPP 3.4 over the `smpp` package, with our own short_message bytes (see smpp-encode.ts).
 * Reports are pushed on the same link as deliver_sm receipts and handed to onReport, one per
 * message even when it went out in several parts. Nothing deduplicates a resubmit, so
 * idempotentSubmit is false.
 */
export function createSmppProvider(config: SmppConfig): SmppProvider {
  const log = config.logger ?? defaultLogger;
  const assembler = new ReceiptAssembler();
  const throttle = { retries: config.throttle?.retries ?? 5, initialMs: config.throttle?.initialMs ?? 200, maxMs: config.throttle?.maxMs ?? 5_000 };
  let ref = Math.floor(Math.random() * 256);

  const link = new SmppLink(
    {
      host: config.host,
      port: config.port,
      tls: config.tls,
      systemId: config.systemId,
      password: config.password,
      systemType: config.systemType,
      enquireLinkMs: config.enquireLinkMs ?? 30_000,
      responseTimeoutMs: config.responseTimeoutMs ?? 10_000,
      reconnectInitialMs: config.reconnect?.initialMs ?? 500,
      reconnectMaxMs: config.reconnect?.maxMs ?? 30_000,
    },
    (pdu) => {
      if (!isDeliveryReceipt(pdu)) return;
      const receipt = parseReceipt(pdu);
      if (!receipt) {
        log.warn("smpp receipt not understood", {});
        return;
      }
      const report = assembler.accept(receipt);
      if (report) config.onReport?.(report);
    },
    log,
  );

  async function submit(sms: OutboundSms, part: SubmitPart): Promise<string> {
    const sender = config.sourceAddr || sms.sender;
    const alphanumeric = /\D/.test(sender);
    for (let attempt = 0; ; attempt++) {
      const response = await link.request("submit_sm", {
        source_addr_ton: alphanumeric ? 5 : 1,
        source_addr_npi: alphanumeric ? 0 : 1,
        source_addr: sender,
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: toProviderFormat(sms.to, "international-digits"),
        esm_class: part.esmClass,
        data_coding: part.dataCoding,
        registered_delivery: 1,
        ...(sms.validForMinutes ? { validity_period: relativeTime(sms.validForMinutes) } : {}),
        ...(sms.sendAt ? { schedule_delivery_time: sms.sendAt } : {}),
        short_message: part.shortMessage,
      });
      const status = response.command_status;
      if (status === 0 && response.message_id) return response.message_id;
      const wait = Math.min(throttle.maxMs, throttle.initialMs * 2 ** attempt);
      if (!isThrottling(status) || attempt >= throttle.retries) throw smppSubmitError(status, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function sendOne(sms: OutboundSms): Promise<SendOutcome> {
    ref = (ref + 1) % 256;
    const parts = buildSubmitParts(sms.body, ref);
    const ids: string[] = [];
    for (const part of parts) {
      try {
        ids.push(await submit(sms, part));
      } catch (error) {
        const failure = asProviderError(error);
        log.warn("smpp submit not accepted", { to: maskPhone(sms.to), code: failure.code, part: ids.length + 1, of: parts.length });
        // Parts already accepted will reach the handset: resending would repeat them, so a
        // message broken off half-way is failed rather than retried.
        return outcomeFor(sms, ids.length === 0 ? failure : partialFailure(failure, ids.length, parts.length));
      }
    }
    assembler.register(ids);
    return { messageId: sms.messageId, outcome: "accepted", providerMessageId: ids[0], segments: parts.length };
  }

  return {
    id: "smpp",
    capabilities: {
      maxBatch: 100,
      pushReports: true,
      pollReports: false,
      idempotentSubmit: false,
      scheduling: true,
      turkishMode: "national-tables",
    },
    get bound() {
      return link.isBound;
    },
    connect: () => link.ensureBound(),
    close: () => link.close(),
    async send(batch) {
      try {
        await link.ensureBound();
      } catch (error) {
        const failure = asProviderError(error);
        return batch.map((sms) => outcomeFor(sms, failure));
      }
      return mapLimited(batch, config.window ?? 10, sendOne);
    },
    async testConnection() {
      try {
        await link.ensureBound();
        await link.request("enquire_link", {});
        return { ok: true, detail: "bind_transceiver ve enquire_link başarılı" };
      } catch (error) {
        return connectionFailure(error);
      }
    },
  };
}

function partialFailure(failure: ProviderError, sent: number, total: number): ProviderError {
  return messageFailure("content", `PARTIAL:${failure.code}`, `${total} parçanın ${sent} tanesi gönderildi, sonra: ${failure.message}`);
}

/** SMPP relative time "YYMMDDhhmmss000R" for a validity in minutes. */
function relativeTime(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = Math.floor(minutes % 60);
  const two = (n: number) => String(n).padStart(2, "0");
  return `0000${two(d)}${two(h)}${two(m)}00000R`;
}
