// Runs one fake provider by hand: `tsx tests/fakes/cli.ts <netgsm|verimor|iletimerkezi|twilio|smsc> [port] [push-url]`.
// Prints where it listens and the credentials to configure; Ctrl+C stops it.
import { IletimerkeziFake } from "./iletimerkezi-fake";
import { NetgsmFake } from "./netgsm-fake";
import { SmscFake } from "./smsc-fake";
import { TwilioFake } from "./twilio-fake";
import { VerimorFake } from "./verimor-fake";

// By hand, reports should take long enough to watch a message go from "sent" to its end state.
const reportDelayMs: [number, number] = [2_000, 8_000];
const pushRetryDelayMs = 30_000;
// The demo offices' başlıklar, so the panel's demo data work against the fakes as they are.
const senders = ["AKSARAYICRA", "NIGDEICRA", "ICRADAIRESI"];

async function main() {
  const [kind, portArg, pushUrl] = process.argv.slice(2);
  const port = portArg ? Number(portArg) : 0;
  if (!kind || Number.isNaN(port)) usage();
  let stop: () => Promise<void>;
  let lines: string[];
  switch (kind) {
    case "netgsm": {
      const fake = new NetgsmFake({ reportDelayMs, msgheaders: senders });
      const url = await fake.start(port);
      lines = [`Netgsm REST v2 fake: ${url}`, `usercode: ${fake.usercode}`, `password: ${fake.password}`, `msgheader: ${senders.join(" | ")}`];
      stop = () => fake.close();
      break;
    }
    case "verimor": {
      const fake = new VerimorFake({ reportDelayMs, pushUrl, pushRetryDelayMs, headers: senders });
      const url = await fake.start(port);
      lines = [`Verimor SMS API fake: ${url}`, `username: ${fake.username}`, `password: ${fake.password}`, `source_addr: ${senders.join(" | ")}`, `push reports to: ${pushUrl ?? "(none; give a push URL as the third argument)"}`];
      stop = () => fake.close();
      break;
    }
    case "iletimerkezi": {
      const fake = new IletimerkeziFake({ reportDelayMs, pushUrl, pushRetryDelayMs });
      const url = await fake.start(port);
      lines = [`İletimerkezi API fake: ${url}`, `key: ${fake.apiKey}`, `hash: ${fake.apiHash}`, "sender: ICRA DAIRESI", `push reports to: ${pushUrl ?? "(none; give a push URL as the third argument)"}`];
      stop = () => fake.close();
      break;
    }
    case "twilio": {
      const fake = new TwilioFake({ reportDelayMs });
      const url = await fake.start(port);
      lines = [`Twilio API fake: ${url}`, `AccountSid: ${fake.accountSid}`, `AuthToken: ${fake.authToken}`, "From: ICRA DAIRESI or +15005550006", "StatusCallback: the URL given with each message"];
      stop = () => fake.close();
      break;
    }
    case "smsc": {
      const fake = new SmscFake({ reportDelayMs });
      const bound = await fake.start(port);
      lines = [`SMPP 3.4 SMSC fake: smpp://127.0.0.1:${bound}`, `system_id: ${fake.systemId}`, `password: ${fake.password}`];
      stop = () => fake.close();
      break;
    }
    default:
      usage();
  }
  console.log(
    [
      ...lines,
      "Fates: national number ending in 0 → undelivered, 9 → expired, otherwise delivered.",
      `Reports settle ${reportDelayMs[0] / 1000}-${reportDelayMs[1] / 1000} s after sending.`,
    ].join("\n"),
  );
  const shutdown = () => void stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

function usage(): never {
  console.error("usage: tsx tests/fakes/cli.ts <netgsm|verimor|iletimerkezi|twilio|smsc> [port] [push-url]");
  process.exit(2);
}

void main();
