import { expect, test } from "@playwright/test";
import { logIn, openNewestMessage, sendMessage } from "./support/session";

test("a clerk sends an SMS and sees it delivered, with its timeline and on the simulated handset", async ({ page }) => {
  await logIn(page, "katip@aksaray.demo");
  await sendMessage(page, "0532 123 45 67", "Deneme mesajı");

  await page.getByRole("link", { name: "Mesajlar" }).click();
  const row = page.getByTestId("message-row").filter({ hasText: "Deneme mesajı" }).first();
  await expect(row).toContainText("+90 532 *** ** 67");
  await expect(row.getByText("İletildi")).toBeVisible({ timeout: 15_000 });

  await openNewestMessage(page, "Deneme mesajı");
  const steps = page.getByTestId("timeline").locator("li");
  await expect(steps).toHaveCount(4);
  const statuses = await steps.evaluateAll((items) => items.map((item) => item.getAttribute("data-status")));
  expect(statuses).toEqual(["queued", "sending", "sent", "delivered"]);

  await page.goto("/simulator");
  const handset = page.getByTestId("handset").filter({ hasText: "+90 532 123 45 67" });
  await expect(handset).toContainText("Deneme mesajı");
  await expect(handset).toContainText("AKSARAYICRA");
});

test("a landline and letters get a Turkish field error and nothing is written", async ({ page }) => {
  await logIn(page, "katip@aksaray.demo");
  await page.goto("/messages");
  const before = await page.getByTestId("message-row").count();

  await page.goto("/messages/new");
  await page.getByLabel("Mesaj metni").fill("Sabit hatta gitmemeli");
  for (const [input, error] of [
    ["0312 123 45 67", "Bu numara bir cep telefonu değil; SMS yalnızca cep telefonlarına gönderilebilir."],
    ["abc", "Geçerli bir telefon numarası yazın (örnek: 0532 123 45 67)."],
  ]) {
    await page.getByLabel("Alıcı cep telefonu").fill(input);
    await page.getByRole("button", { name: "Gönder" }).click();
    await expect(page.getByRole("alert").filter({ hasText: error })).toBeVisible();
  }

  await page.goto("/messages");
  await expect(page.getByTestId("message-row")).toHaveCount(before);
  await expect(page.getByText("Sabit hatta gitmemeli")).toHaveCount(0);
});

test("the character counter shows Turkish billing as the clerk types", async ({ page }) => {
  await logIn(page, "katip@aksaray.demo");
  await page.goto("/messages/new");
  await page.getByLabel("Mesaj metni").fill("Sayın Ayşe Yılmaz, dosyanız işleme alınmıştır.");
  await expect(page.getByTestId("sms-counter")).toContainText("1 SMS");
  await expect(page.getByTestId("sms-counter")).toContainText("Türkçe karakterli");
});
