import { expect, test } from "@playwright/test";
import { logIn, openNewestMessage, sendMessage } from "./support/session";

const panelPages = ["/", "/messages", "/messages/new", "/messages/00000000-0000-4000-8000-000000000000", "/files", "/templates", "/campaigns", "/admin", "/simulator"];

test("without a session every panel page redirects to /login", async ({ page }) => {
  for (const path of panelPages) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login(\?|$)/);
  }
});

test("without a session API routes and server actions answer 401", async ({ request }) => {
  const api = await request.get("/api/messages/00000000-0000-4000-8000-000000000000");
  expect(api.status()).toBe(401);
  const action = await request.post("/messages/new", {
    headers: { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ recipient: "05321234567", body: "x" }]),
  });
  expect(action.status()).toBe(401);
});

test("a clerk of another office gets 404 for a message that is not theirs", async ({ browser }) => {
  const aksaray = await browser.newPage();
  await logIn(aksaray, "katip@aksaray.demo");
  await sendMessage(aksaray, "0544 111 22 33", "Yalnız Aksaray görebilir");
  const id = await openNewestMessage(aksaray, "Yalnız Aksaray görebilir");
  expect((await aksaray.request.get(`/api/messages/${id}`)).status()).toBe(200);

  const nigde = await browser.newPage();
  await logIn(nigde, "katip@nigde.demo");
  const response = await nigde.goto(`/messages/${id}`);
  expect(response?.status()).toBe(404);
  await expect(nigde.getByText("Yalnız Aksaray görebilir")).toHaveCount(0);
  expect((await nigde.request.get(`/api/messages/${id}`)).status()).toBe(404);
  await nigde.goto("/messages");
  await expect(nigde.getByText("Yalnız Aksaray görebilir")).toHaveCount(0);
});

test("six wrong passwords lock the account and the right one is refused until the lock ends", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel("E-posta").fill("mudur@nigde.demo");
    await page.getByLabel("Parola").fill(`yanlis-${attempt}`);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    const expected = attempt < 5 ? "E-posta adresi veya parola hatalı." : "hesabınız 15 dakika kilitlendi";
    await expect(page.getByRole("alert").filter({ hasText: expected })).toBeVisible();
  }
  await page.getByLabel("Parola").fill("Demo.2026");
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "kilitlendi" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
