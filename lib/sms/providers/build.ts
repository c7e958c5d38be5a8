import type { OfficeProvider, ProviderSettings } from "@/lib/db/schema";
import { createIletimerkeziProvider } from "./iletimerkezi";
import { createNetgsmProvider } from "./netgsm";
import { createSmppProvider } from "./smpp";
import { createTwilioProvider } from "./twilio";
import { createVerimorProvider } from "./verimor";
import type { DeliveryReport, SmsProvider } from "./types";

export type BuildContext = {
  /** Public base of the app, for callback URLs (Twilio StatusCallback). */
  appUrl: string;
  /** Receipts that arrive on a long-lived link (SMPP). */
  onReport: (report: DeliveryReport) => void;
};

/** An adapter for one office setting, from its decrypted credentials. */
export function buildProvider(setting: Pick<OfficeProvider, "kind" | "webhookKey">, credentials: Record<string, unknown>, settings: ProviderSettings, ctx: BuildContext): SmsProvider {
  const c = credentials as Record<string, string>;
  const { baseUrl, timeoutMs } = settings;
  switch (setting.kind) {
    case "netgsm":
      return createNetgsmProvider({ baseUrl, timeoutMs, usercode: c.usercode, password: c.password, msgheader: c.msgheader });
    case "verimor":
      return createVerimorProvider({ baseUrl, timeoutMs, username: c.username, password: c.password, sourceAddr: c.sourceAddr });
    case "iletimerkezi":
      return createIletimerkeziProvider({ baseUrl, timeoutMs, apiKey: c.apiKey, apiHash: c.apiHash, sender: c.sender });
    case "twilio":
      return createTwilioProvider({
        baseUrl,
        timeoutMs,
        accountSid: c.accountSid,
        authToken: c.authToken,
        from: c.from,
        statusCallbackUrl: `${ctx.appUrl}/api/webhooks/twilio?token=${setting.webhookKey}`,
      });
    case "smpp":
      return createSmppProvider({
        host: c.host,
        port: Number(c.port),
        systemId: c.systemId,
        password: c.password,
        sourceAddr: c.sourceAddr,
        onReport: ctx.onReport,
      });
  }
}
