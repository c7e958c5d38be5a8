import { asProviderError, outcomeFor, ProviderError } from "./errors";
import type { OutboundSms, SendOutcome } from "./types";

/** Groups preserving first-seen order (requests share settings such as encoding or send time). */
export function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * Chunks of at most `size`, never holding two items with the same key. Providers that report
 * per (job, number) cannot tell two messages to one number in one job apart.
 */
export function chunkUnique<T>(items: T[], size: number, key: (item: T) => string): T[][] {
  const chunks: { items: T[]; keys: Set<string> }[] = [];
  for (const item of items) {
    const k = key(item);
    let chunk = chunks.find((c) => c.items.length < size && !c.keys.has(k));
    if (!chunk) {
      chunk = { items: [], keys: new Set() };
      chunks.push(chunk);
    }
    chunk.items.push(item);
    chunk.keys.add(k);
  }
  return chunks.map((c) => c.items);
}

/**
 * Sends one request's worth of messages. When the provider refuses the whole request for a
 * message-level reason (one bad number or text among many), the chunk is halved until the
 * culprit is alone, so its neighbours are not failed with it. Nothing was sent by a refused
 * request, so resending the halves cannot duplicate a message. A "duplicate" refusal is never
 * split: it says the same order already went out, and the halves would look new and go again.
 */
export async function sendIsolating(
  chunk: OutboundSms[],
  sendChunk: (chunk: OutboundSms[]) => Promise<SendOutcome[]>,
): Promise<SendOutcome[]> {
  try {
    return await sendChunk(chunk);
  } catch (thrown) {
    const error = asProviderError(thrown);
    if (error.scope === "message" && error.reason !== "duplicate" && chunk.length > 1) {
      const middle = Math.ceil(chunk.length / 2);
      const first = await sendIsolating(chunk.slice(0, middle), sendChunk);
      const second = await sendIsolating(chunk.slice(middle), sendChunk);
      return [...first, ...second];
    }
    return chunk.map((sms) => outcomeFor(sms, error));
  }
}

// After these, the next request would fail the same way: answer the rest without asking.
const STOPPING = new Set(["auth", "config", "credit", "throttled"]);

/**
 * Runs the chunks in order and returns the outcomes in the batch's order. A provider-level
 * failure that the next request would repeat (bad credentials, no credit, throttled) ends the
 * run: the remaining messages get the same retryable outcome without another call.
 */
export async function sendChunks(
  batch: OutboundSms[],
  chunks: OutboundSms[][],
  sendChunk: (chunk: OutboundSms[]) => Promise<SendOutcome[]>,
  report: { provider: string; log: { warn: (message: string, fields?: Record<string, unknown>) => void } },
): Promise<SendOutcome[]> {
  const byId = new Map<string, SendOutcome>();
  let stopped: ProviderError | undefined;
  for (const chunk of chunks) {
    const stop = stopped;
    const outcomes = stop ? chunk.map((sms) => outcomeFor(sms, stop)) : await sendIsolating(chunk, sendChunk);
    for (const outcome of outcomes) {
      byId.set(outcome.messageId, outcome);
      if (!stopped && outcome.outcome === "retryable" && outcome.scope === "provider" && STOPPING.has(outcome.reason)) {
        const { code, text, scope, reason, retryAfterMs } = outcome;
        stopped = new ProviderError({ code, text, scope, reason, retryAfterMs });
      }
    }
  }
  const outcomes = batch.map((sms) => byId.get(sms.messageId)!);
  const failed = outcomes.filter((o) => o.outcome !== "accepted").length;
  if (failed > 0) report.log.warn(`${report.provider} send: some messages not accepted`, { failed, of: batch.length });
  return outcomes;
}

/** Runs `work` over items with at most `limit` in flight, results in input order. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
