import { expect, test } from "@playwright/test";
import { logIn, sendMessage } from "./support/session";

test("an administrator sees the background jobs and their steps; a clerk does not", async ({ browser }) => {
  const clerk = await browser.newPage();
  await logIn(clerk, "katip@aksaray.demo");
  await sendMessage(clerk, "0532 765 43 21", "Arka plan işi denemesi");
  expect((await clerk.goto("/admin/jobs"))?.status()).toBe(404);
  expect((await clerk.goto("/admin"))?.status()).toBe(404);

  const admin = await browser.newPage();
  await logIn(admin, "admin@aksaray.demo");
  await admin.goto("/admin/jobs");
  const row = admin.getByTestId("job-row").filter({ hasText: "send-message" }).first();
  await expect(async () => {
    await admin.reload();
    await expect(row).toContainText("Tamamlandı", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("link").click();
  await expect(admin.getByRole("cell", { name: "claim" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "hand-to-provider" })).toBeVisible();
});

test("an administrator disables a user, who loses access on the next request", async ({ browser }) => {
  const manager = await browser.newPage();
  await logIn(manager, "mudur@aksaray.demo");

  const admin = await browser.newPage();
  await logIn(admin, "admin@aksaray.demo");
  await admin.goto("/admin");
  await admin.getByRole("switch", { name: "Etkin: İcra Müdürü" }).click();
  await expect(admin.getByText("Kullanıcı güncellendi.")).toBeVisible();

  await manager.goto("/messages");
  await expect(manager).toHaveURL(/\/login/);

  await admin.getByRole("switch", { name: "Etkin: İcra Müdürü" }).click();
  await expect(admin.getByRole("switch", { name: "Etkin: İcra Müdürü" })).toBeChecked();
});

test("in test mode the engine's clock can be moved forward, and cron functions run on the moved clock", async ({ browser, request }) => {
  const admin = await browser.newPage();
  await logIn(admin, "admin@aksaray.demo");
  const moved = await request.post("/api/test/clock", { data: { advanceMs: 2 * 60 * 60 * 1000 } });
  expect(moved.status()).toBe(200);
  // Run times come from the engine's clock: a run started after the move is stamped two hours ahead.
  const newestCronRunAheadMinutes = async () => {
    await admin.goto("/admin/jobs");
    const started = await admin.getByTestId("job-row").filter({ hasText: "sweep-stale-queue" }).first().locator("td").nth(2).innerText();
    const [, day, month, year, hour, minute] = /(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})/.exec(started) ?? [];
    const startedAt = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour) - 3, Number(minute));
    return (startedAt - Date.now()) / 60_000;
  };
  await expect.poll(newestCronRunAheadMinutes, { timeout: 30_000 }).toBeGreaterThan(100);
});
