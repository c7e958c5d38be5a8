import smpp from "smpp";
import type { logger } from "@/lib/logger";
import { providerFailure, type ProviderError } from "./errors";
import { smppBindError } from "./smpp-codes";

export type SmppLinkConfig = {
  host: string;
  port: number;
  tls?: boolean;
  systemId: string;
  password: string;
  systemType?: string;
  /** enquire_link period; a link that does not answer within responseTimeoutMs is dropped. */
  enquireLinkMs: number;
  responseTimeoutMs: number;
  reconnectInitialMs: number;
  reconnectMaxMs: number;
};

/**
 * One bind_transceiver session kept alive: enquire_link keep-alive, and after a lost link a
 * reconnect with exponential back-off (so receipts keep flowing between sends). Requests that
 * were in flight when the link dropped fail at once with a "network" error.
 */
export class SmppLink {
  private session?: smpp.Session;
  private bound = false;
  private connecting?: Promise<void>;
  private closed = false;
  private everBound = false;
  private failures = 0;
  private keepAlive?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly inFlight = new Set<(error: ProviderError) => void>();

  constructor(
    private readonly config: SmppLinkConfig,
    private readonly onPdu: (pdu: smpp.PDU) => void,
    private readonly log: Pick<typeof logger, "warn" | "debug">,
  ) {}

  get isBound(): boolean {
    return this.bound;
  }

  ensureBound(): Promise<void> {
    if (this.bound) return Promise.resolve();
    if (this.closed) return Promise.reject(providerFailure("network", "CLOSED", "SMPP bağlantısı kapatıldı"));
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Sends a request PDU and waits for its response (any command_status). */
  async request(command: "submit_sm" | "enquire_link", options: Record<string, unknown>): Promise<smpp.PDU> {
    await this.ensureBound();
    const session = this.session!;
    return new Promise((resolve, reject) => {
      const fail = (error: ProviderError) => {
        clearTimeout(timer);
        this.inFlight.delete(fail);
        reject(error);
      };
      const timer = setTimeout(() => fail(providerFailure("timeout", "TIMEOUT", `SMSC ${this.config.responseTimeoutMs} ms içinde yanıt vermedi`)), this.config.responseTimeoutMs);
      this.inFlight.add(fail);
      const written = session.send(new smpp.PDU(command, options), (response) => {
        clearTimeout(timer);
        this.inFlight.delete(fail);
        resolve(response);
      });
      if (!written) fail(providerFailure("network", "NOT_WRITABLE", "SMPP bağlantısı yazılamıyor"));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.keepAlive);
    const session = this.session;
    if (!session) return;
    if (this.bound) {
      // A polite unbind; an SMSC that does not answer in time is simply disconnected.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        session.unbind(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.bound = false;
    await new Promise<void>((resolve) => session.destroy(() => resolve()));
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const session = smpp.connect({ host: this.config.host, port: this.config.port, tls: this.config.tls ?? false });
      this.session = session;
      let settled = false;
      const settle = (error?: ProviderError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          session.destroy();
          reject(error);
        } else resolve();
      };
      const timer = setTimeout(() => settle(providerFailure("timeout", "BIND_TIMEOUT", "SMSC bind yanıtı gelmedi")), this.config.responseTimeoutMs);
      session.on("connect", () => {
        session.bind_transceiver(
          { system_id: this.config.systemId, password: this.config.password, system_type: this.config.systemType ?? "", interface_version: 0x34 },
          (pdu) => {
            if (pdu.command_status !== 0) return settle(smppBindError(pdu.command_status));
            this.bound = true;
            this.everBound = true;
            this.failures = 0;
            this.startKeepAlive(session);
            settle();
          },
        );
      });
      session.on("error", (error: Error & { code?: string }) => {
        settle(providerFailure("network", error.code ?? "SOCKET", `SMSC bağlantı hatası (${error.code ?? error.message})`));
      });
      session.on("close", () => {
        settle(providerFailure("network", "CLOSED", "SMSC bağlantıyı kapattı"));
        this.onClose(session);
      });
      session.on("enquire_link", (pdu: smpp.PDU) => session.send(pdu.response()));
      session.on("unbind", (pdu: smpp.PDU) => {
        session.send(pdu.response());
        session.close();
      });
      session.on("deliver_sm", (pdu: smpp.PDU) => {
        session.send(pdu.response());
        this.onPdu(pdu);
      });
    });
  }

  private startKeepAlive(session: smpp.Session) {
    clearInterval(this.keepAlive);
    this.keepAlive = setInterval(() => {
      this.request("enquire_link", {}).catch(() => {
        this.log.warn("smpp enquire_link unanswered; dropping the link", {});
        session.destroy();
      });
    }, this.config.enquireLinkMs);
    this.keepAlive.unref();
  }

  private onClose(session: smpp.Session) {
    if (session !== this.session) return;
    this.bound = false;
    clearInterval(this.keepAlive);
    for (const fail of [...this.inFlight]) fail(providerFailure("network", "CLOSED", "SMSC bağlantısı koptu"));
    // Reconnect only a link that once worked: a refused bind waits for the next send instead of hammering.
    if (this.closed || !this.everBound) return;
    const delay = Math.min(this.config.reconnectMaxMs, this.config.reconnectInitialMs * 2 ** this.failures);
    this.failures++;
    this.log.warn("smpp link lost; reconnecting", { inMs: delay });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.ensureBound().catch((error: ProviderError) => {
        this.log.warn("smpp reconnect failed", { code: error.code });
      });
    }, delay);
    this.reconnectTimer.unref();
  }
}
