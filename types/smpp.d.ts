// The `smpp` package (0.5.1) ships no types. This covers what the adapter and the fake SMSC use.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket } from "node:net";

  // CommonJS: `import smpp from "smpp"` (esModuleInterop). Named ESM imports would miss the
  // constants, which the package copies onto its exports in a loop.
  namespace smpp {
    /** A decoded PDU: header fields plus whatever mandatory parameters and TLVs the command has. */
    class PDU {
      constructor(command: string, options?: Record<string, unknown>);
      command: string;
      command_id: number;
      command_length: number;
      command_status: number;
      sequence_number: number;
      system_id?: string;
      password?: string;
      message_id?: string;
      source_addr?: string;
      destination_addr?: string;
      esm_class?: number;
      data_coding?: number;
      registered_delivery?: number;
      /** Decoded by the package: `{ udh?, message }` with message a string for known encodings. */
      short_message?: { udh?: Buffer[]; message: string | Buffer } | Buffer | string;
      receipted_message_id?: string;
      message_state?: number;
      [field: string]: unknown;
      isResponse(): boolean;
      response(options?: Record<string, unknown>): PDU;
      toBuffer(): Buffer;
    }

    type ResponseCallback = (pdu: PDU) => void;

    interface SessionOptions {
      url?: string;
      host?: string;
      port?: number;
      tls?: boolean;
      auto_enquire_link_period?: number;
      [option: string]: unknown;
    }

    class Session extends EventEmitter {
      constructor(options: SessionOptions & { socket?: Socket });
      socket: Socket;
      server?: Server;
      send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      connect(): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: Record<string, unknown>, callback?: ResponseCallback): boolean;
      submit_sm(options: Record<string, unknown>, callback?: ResponseCallback): boolean;
      deliver_sm(options: Record<string, unknown>, callback?: ResponseCallback): boolean;
      enquire_link(options?: Record<string, unknown> | ResponseCallback, callback?: ResponseCallback): boolean;
      unbind(options?: Record<string, unknown> | ResponseCallback, callback?: ResponseCallback): boolean;
      on(event: "connect" | "close" | "secureConnect", listener: () => void): this;
      on(event: "error", listener: (error: Error) => void): this;
      on(event: string, listener: (pdu: PDU) => void): this;
    }

    class Server extends NetServer {
      sessions: Session[];
      on(event: "session", listener: (session: Session) => void): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
    }

    function connect(options: SessionOptions, listener?: () => void): Session;
    function connect(url: string, listener?: () => void): Session;
    function createServer(options?: Record<string, unknown>, listener?: (session: Session) => void): Server;
    function createServer(listener: (session: Session) => void): Server;

    const errors: Record<string, number>;
    const consts: { ESM_CLASS: Record<string, number>; ENCODING: Record<string, number>; [group: string]: Record<string, number> };
  }
  export = smpp;
}
