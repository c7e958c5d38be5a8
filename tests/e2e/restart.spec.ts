import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./support/app-server";
import { RESTART_ENGINE_PORT, RESTART_PORT } from "./support/ports";
import { logIn, openNewestMessage, sendMessage } from "./support/session";

// The app is killed with SIGKILL while the simulated operator is still answering the hand-over;
// after a restart the background run resumes and the message reaches the handset exactly once.
test("a message in flight when the app is killed is sent exactly once after a restart", async ({ page }) => {
  test.setTimeout(240_000);
  let server: AppServer | undefined = await startAppServer({
    name: "restart",
    port: RESTART_PORT,
    enginePort: RESTART_ENGINE_PORT,
    env: { SIMULATOR_SEND_DELAY_MS: "8000" },
  });
  try {
    const base = server.url;
    await logIn(page, "katip@aksaray.demo", undefined, base);
    await sendMessage(page, "0505 123 45 68", "Yeniden başlatma denemesi", base);
    const id = await openNewestMessage(page, "Yeniden başlatma denemesi", base);
    await expect(page.getByTestId("timeline").locator('li[data-status="sending"]')).toBeVisible();
    // The handset has it, the app has not heard back yet: kill now.
    await expect(async () => {
      await page.goto(`${base}/simulator`);
      await expect(page.getByText("Yeniden başlatma denemesi")).toBeVisible({ timeout: 250 });
    }).toPass({ timeout: 7_000, intervals: [100] });

    await server.stop("SIGKILL");
    server = await startAppServer({ name: "restart", port: RESTART_PORT, enginePort: RESTART_ENGINE_PORT, fresh: false });

    await page.goto(`${base}/messages/${id}`);
    await expect(page.getByTestId("timeline").locator('li[data-status="delivered"]')).toBeVisible({ timeout: 60_000 });
    const statuses = await page.getByTestId("timeline").locator("li").evaluateAll((items) => items.map((item) => item.getAttribute("data-status")));
    expect(statuses).toEqual(["queued", "sending", "sent", "delivered"]);
    // The first hand-over was cut off; the resumed run handed it over again, and the operator
    // recognised it instead of sending a second SMS.
    await expect(page.getByTestId("attempts")).toHaveText("2");

    await page.goto(`${base}/simulator`);
    const handset = page.getByTestId("handset").filter({ hasText: "+90 505 123 45 68" });
    await expect(handset.getByText("Yeniden başlatma denemesi")).toHaveCount(1);
  } finally {
    await server?.stop();
  }
});
