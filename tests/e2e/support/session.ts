import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo.2026";

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, baseUrl = "") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Parola").fill(password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function sendMessage(page: Page, recipient: string, body: string, baseUrl = "") {
  await page.goto(`${baseUrl}/messages/new`);
  await page.getByLabel("Alıcı cep telefonu").fill(recipient);
  await page.getByLabel("Mesaj metni").fill(body);
  await page.getByRole("button", { name: "Gönder" }).click();
  await expect(page.getByText("Mesaj gönderim sırasına alındı.")).toBeVisible();
}

/** Opens the newest message with this text and returns its id. */
export async function openNewestMessage(page: Page, body: string, baseUrl = ""): Promise<string> {
  await page.goto(`${baseUrl}/messages`);
  await page.getByTestId("message-row").filter({ hasText: body }).first().getByRole("link", { name: body }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}
