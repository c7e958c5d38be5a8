import { describe, expect, it } from "vitest";
import { configProblem, normaliseConcurrency, Registry, toRegistered } from "@/inngest/dev-engine/registry";
import type { FunctionConfig } from "@/inngest/dev-engine/types";

const config = (extra: Partial<FunctionConfig> = {}): FunctionConfig => ({
  id: "app-fn",
  triggers: [{ event: "sms/message.queued" }],
  steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://127.0.0.1:3000/api/inngest?fnId=app-fn&stepId=step" } } },
  ...extra,
});

describe("configProblem", () => {
  it("accepts what the engine supports", () => {
    expect(
      configProblem(
        config({
          concurrency: [{ limit: 2, key: "event.data.officeId" }],
          cancel: [{ event: "sms/cancelled", if: "event.data.id == async.data.id" }],
          throttle: { limit: 1, period: "1m" },
          rateLimit: { limit: 10, period: "1h", key: "event.data.phone" },
        }),
      ),
    ).toBeUndefined();
  });

  it("refuses options it cannot honour, bad schedules and bad expressions", () => {
    expect(configProblem(config({ debounce: { period: "5s" } }))).toMatch(/debounce/);
    expect(configProblem(config({ batchEvents: { maxSize: 10 } }))).toMatch(/batchEvents/);
    expect(configProblem(config({ triggers: [{ cron: "TZ=Nowhere/City 0 9 * * *" }] }))).toMatch(/invalid cron/);
    expect(configProblem(config({ triggers: [{ event: "x", expression: "event.data.a ==" }] }))).toMatch(/does not parse/);
    expect(configProblem(config({ throttle: { limit: 1, period: "soon" } }))).toMatch(/period/);
  });
});

describe("toRegistered", () => {
  it("gives 4 attempts by default and retries + 1 otherwise", () => {
    expect(toRegistered(config()).maxAttempts).toBe(4);
    const withRetries = config();
    withRetries.steps.step.retries = { attempts: 0 };
    expect(toRegistered(withRetries).maxAttempts).toBe(1);
  });

  it("normalises every concurrency form", () => {
    expect(normaliseConcurrency(3)).toEqual([{ limit: 3 }]);
    expect(normaliseConcurrency({ limit: 1, key: "event.data.x" })).toEqual([{ limit: 1, key: "event.data.x" }]);
    expect(normaliseConcurrency(undefined)).toEqual([]);
  });
});

describe("Registry", () => {
  it("routes events by name, with a trailing wildcard", () => {
    const registry = new Registry();
    registry.replace([
      toRegistered(config({ id: "exact", triggers: [{ event: "sms/message.queued", expression: "event.data.n > 1" }] })),
      toRegistered(config({ id: "wild", triggers: [{ event: "sms/*" }] })),
      toRegistered(config({ id: "other", triggers: [{ event: "mail/sent" }] })),
    ]);
    expect(registry.triggeredBy("sms/message.queued").map(({ fn, expressions }) => [fn.id, expressions])).toEqual([
      ["exact", ["event.data.n > 1"]],
      ["wild", [undefined]],
    ]);
    expect(registry.triggeredBy("mail/sent").map(({ fn }) => fn.id)).toEqual(["other"]);
  });
});
