import type { AddressInfo, Socket } from "node:net";
import smpp from "smpp";
import { Ledger, type Fate, type FateOptions, type LedgerEntry } from "./fates";
import { decodeSubmit, parseSubmitSm, type DecodedPart, type RawSubmit } from "./smsc-decode";

export type SmscFakeOptions = FateOptions & {
  systemId?: string;
  password?: string;
  /** Every nth part's receipt is delivered twice. */
  duplicateEvery?: number;
  /** Every nth part also gets a stale ACCEPTD receipt after its final one. */
  lateAcceptedEvery?: number;
};

/** One submit_sm as received: the raw PDU fields and what the SMSC decoded from them. */
export type SmscSubmit = RawSubmit & { messageId: string; decoded: DecodedPart };
/** A whole message, after reassembling its parts. */
export type SmscMessage = { source: string; destination: string; text: string; parts: SmscSubmit[]; fate: Fate };
export type SmscPart = LedgerEntry & { submit: SmscSubmit; session: smpp.Session };

const STAT: Record<Fate, { stat: string; state: number; err: string }> = {
  delivered: { stat: "DELIVRD", state: 2, err: "000" },
  undelivered: { stat: "UNDELIV", state: 5, err: "001" },
  expired: { stat: "EXPIRED", state: 3, err: "000" },
  blacklisted: { stat: "REJECTD", state: 8, err: "006" },
};

/**
 * A local SMSC on the smpp package's server. It reads each submit_sm from the raw bytes (the
 * package's own decoding would hide what the client really sent), reassembles concatenated
 * parts, and answers with receipts as deliver_sm (esm_class 0x04, receipted_message_id,
 * message_state). Controls: throttleNext(n) → ESME_RTHROTTLED, failNext(status), a wrong
 * password → ESME_RINVPASWD, an unknown system_id → ESME_RBINDFAIL, a destination that is not
 * 8-15 digits → ESME_RINVDSTADR, dropConnections() to cut every link.
 */
export class SmscFake {
  readonly systemId: string;
  readonly password: string;
  readonly ledger: Ledger<SmscPart>;
  readonly submits: SmscSubmit[] = [];
  readonly messages: SmscMessage[] = [];
  binds = 0;
  enquireLinks = 0;
  receiptsSent = 0;
  port = 0;
  private readonly options: SmscFakeOptions;
  private readonly server: smpp.Server;
  private readonly raw = new WeakMap<Socket, Buffer[]>();
  private readonly lastPdu = new WeakMap<smpp.Session, Buffer>();
  private readonly bound = new Set<smpp.Session>();
  private readonly partial = new Map<string, SmscSubmit[]>();
  private readonly forced: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 0x4a000;

  constructor(options: SmscFakeOptions = {}) {
    this.options = options;
    this.systemId = options.systemId ?? "icra";
    this.password = options.password ?? "smpp-pw";
    this.ledger = new Ledger(options);
    this.server = smpp.createServer((session) => this.attach(session));
    // Keep the bytes of every PDU the package reads, before it decodes short_message its own way.
    this.server.prependListener("connection", (socket: Socket) => {
      const chunks: Buffer[] = [];
      this.raw.set(socket, chunks);
      const read = socket.read.bind(socket);
      socket.read = ((size?: number) => {
        const data = read(size) as Buffer | null;
        if (data) chunks.push(Buffer.from(data));
        return data;
      }) as typeof socket.read;
    });
  }

  async start(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next n submits are answered ESME_RTHROTTLED (or another throttling status). */
  throttleNext(n: number, status = 0x58): void {
    for (let i = 0; i < n; i++) this.forced.push(status);
  }

  failNext(status: number): void {
    this.forced.push(status);
  }

  dropConnections(): void {
    for (const session of [...this.server.sessions]) session.destroy();
    this.bound.clear();
  }

  private attach(session: smpp.Session) {
    // "pdu" fires right after the package read one PDU's bytes and before the command's event.
    session.on("pdu", () => this.lastPdu.set(session, Buffer.concat((this.raw.get(session.socket) ?? []).splice(0))));
    session.on("bind_transceiver", (pdu: smpp.PDU) => {
      if (pdu.system_id !== this.systemId) return session.send(pdu.response({ command_status: 0x0d }));
      if (pdu.password !== this.password) return session.send(pdu.response({ command_status: 0x0e }));
      this.binds++;
      this.bound.add(session);
      session.send(pdu.response({ system_id: "FAKESMSC" }));
    });
    session.on("enquire_link", (pdu: smpp.PDU) => {
      this.enquireLinks++;
      session.send(pdu.response());
    });
    session.on("unbind", (pdu: smpp.PDU) => {
      this.bound.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on("close", () => this.bound.delete(session));
    session.on("error", () => this.bound.delete(session));
    session.on("submit_sm", (pdu: smpp.PDU) => this.submit(session, pdu));
  }

  private submit(session: smpp.Session, pdu: smpp.PDU) {
    const bytes = this.lastPdu.get(session) ?? Buffer.alloc(0);
    if (!this.bound.has(session)) return session.send(pdu.response({ command_status: 0x04 }));
    const forced = this.forced.shift();
    if (forced) return session.send(pdu.response({ command_status: forced }));
    const raw = parseSubmitSm(bytes);
    if (!/^\d{8,15}$/.test(raw.destinationAddr)) return session.send(pdu.response({ command_status: 0x0b }));
    const messageId = (this.nextId++).toString(16);
    const submit: SmscSubmit = { ...raw, messageId, decoded: decodeSubmit(raw) };
    this.submits.push(submit);
    session.send(pdu.response({ message_id: messageId }));
    this.reassemble(submit);
    const part = this.ledger.add({ id: messageId, number: raw.destinationAddr, submit, session });
    if (raw.registeredDelivery & 0x01) this.scheduleReceipt(part);
  }

  private reassemble(submit: SmscSubmit) {
    const { concat } = submit.decoded;
    const fate = this.ledger.fateOf(submit.destinationAddr);
    if (!concat || concat.total === 1) {
      this.messages.push({ source: submit.sourceAddr, destination: submit.destinationAddr, text: submit.decoded.text, parts: [submit], fate });
      return;
    }
    const key = `${submit.sourceAddr}|${submit.destinationAddr}|${concat.ref}|${concat.total}`;
    const parts = [...(this.partial.get(key) ?? []), submit];
    if (parts.length < concat.total) {
      this.partial.set(key, parts);
      return;
    }
    this.partial.delete(key);
    parts.sort((a, b) => a.decoded.concat!.seq - b.decoded.concat!.seq);
    this.messages.push({ source: submit.sourceAddr, destination: submit.destinationAddr, text: parts.map((p) => p.decoded.text).join(""), parts, fate });
  }

  private scheduleReceipt(part: SmscPart) {
    const n = this.ledger.entries.length;
    const at = Math.max(0, part.finalAt - this.ledger.now());
    this.later(at, () => this.deliverReceipt(part, STAT[part.fate]));
    if (this.options.duplicateEvery && n % this.options.duplicateEvery === 0) this.later(at + 15, () => this.deliverReceipt(part, STAT[part.fate]));
    if (this.options.lateAcceptedEvery && n % this.options.lateAcceptedEvery === 0) this.later(at + 10, () => this.deliverReceipt(part, { stat: "ACCEPTD", state: 6, err: "000" }));
  }

  private deliverReceipt(part: SmscPart, result: { stat: string; state: number; err: string }) {
    // Receipts go to the session that submitted, or to any bound one after a reconnect;
    // with none bound the SMSC keeps them and tries again shortly.
    const session = this.bound.has(part.session) ? part.session : [...this.bound][0];
    if (!session) return this.later(50, () => this.deliverReceipt(part, result));
    const stamp = yymmddhhmm(new Date(part.finalAt));
    const text = `id:${part.id} sub:001 dlvrd:${result.stat === "DELIVRD" ? "001" : "000"} submit date:${yymmddhhmm(new Date(part.acceptedAt))} done date:${stamp} stat:${result.stat} err:${result.err} text:`;
    this.receiptsSent++;
    session.deliver_sm({
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: part.submit.destinationAddr,
      destination_addr: part.submit.sourceAddr,
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(text, "ascii"),
      receipted_message_id: part.id,
      message_state: result.state,
    });
  }

  private later(ms: number, work: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }
}

/** Istanbul local time, as a Turkish SMSC writes it. */
function yymmddhhmm(date: Date): string {
  const d = new Date(date.getTime() + 3 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}
