import { db } from "@/lib/db/client";
import { expireOverdue, pollSetting, settingsWithPendingMessages } from "@/lib/messaging/poll-reports";
import { inngest } from "../client";

/**
 * Every minute: asks providers without push reports (Netgsm) — and push providers about reports
 * that never came — what became of messages still "sent", then expires what is overdue. One
 * step per provider setting, so a slow or throttled provider does not hold up the others.
 */
export const pollDeliveryReports = inngest.createFunction(
  { id: "poll-delivery-reports", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const targets = await step.run("find-pending", () => settingsWithPendingMessages(db));
    const results = [];
    for (const target of targets) {
      results.push(await step.run(`poll-${target.settingId}`, () => pollSetting(db, target)));
    }
    const expired = await step.run("expire-overdue", () => expireOverdue(db));
    return { settings: targets.length, applied: results.reduce((sum, r) => sum + r.applied, 0), expired };
  },
);
