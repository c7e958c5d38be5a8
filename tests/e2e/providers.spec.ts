import { expect, test } from "@playwright/test";
import { NetgsmFake } from "../fakes/netgsm-fake";
import { logIn, openNewestMessage, sendMessage } from "./support/session";

// The Niğde office switches from the simulator to a (fake) Netgsm account and back.
test("an administrator adds, tests and removes a provider; messages go through it meanwhile", async ({ browser }) => {
  const netgsm = new NetgsmFake({ msgheaders: ["NIGDEICRA"] });
  await netgsm.start();
  try {
    const admin = await browser.newPage();
    await logIn(admin, "admin@nigde.demo");
    await admin.goto("/admin/providers");
    await expect(admin.getByText("Henüz sağlayıcı eklenmedi")).toBeVisible();

    await admin.getByRole("button", { name: "Kaydet" }).click();
    await expect(admin.getByText("Bir ad yazın.")).toBeVisible();
    await expect(admin.getByText("Bu alanı doldurun.").first()).toBeVisible();

    await admin.getByLabel("Ad", { exact: true }).fill("Netgsm (deneme)");
    await admin.getByLabel("Kullanıcı kodu").fill(netgsm.usercode);
    await admin.getByLabel("Parola").fill(netgsm.password);
    await admin.getByLabel("Başlık").fill("NIGDEICRA");
    await admin.getByLabel("Farklı API adresi").fill(netgsm.baseUrl);
    await admin.getByRole("button", { name: "Kaydet" }).click();
    await expect(admin.getByText("Sağlayıcı eklendi.")).toBeVisible();
    const row = admin.getByTestId("provider-row").filter({ hasText: "Netgsm (deneme)" });
    await expect(row).toBeVisible();
    await expect(admin.locator("body")).not.toContainText(netgsm.password);

    await row.getByRole("button", { name: "Bağlantıyı sına" }).click();
    await expect(admin.getByText("Bağlantı başarılı.").first()).toBeVisible();

    const clerk = await browser.newPage();
    await logIn(clerk, "katip@nigde.demo");
    await sendMessage(clerk, "0535 222 33 44", "Netgsm üzerinden");
    await openNewestMessage(clerk, "Netgsm üzerinden");
    await expect(clerk.getByTestId("timeline").locator('li[data-status="sent"]')).toBeVisible();
    await expect(clerk.getByText("netgsm", { exact: true })).toBeVisible();
    expect(netgsm.messages.map((message) => message.msg)).toEqual(["Netgsm üzerinden"]);

    admin.on("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Sil: Netgsm (deneme)" }).click();
    await expect(admin.getByText("Henüz sağlayıcı eklenmedi")).toBeVisible();
  } finally {
    await netgsm.close();
  }
});
