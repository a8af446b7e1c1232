import { expect, test, type Page } from "@playwright/test";
import { checkA11y, latestMessage, signInStaff, signOut } from "./support/helpers";

/**
 * /admin (SPEC §8) and the public API's tokens (SPEC §12), as an administrator does it: a new college
 * secretary gets an account and can work at once; the registrar contact is changed; an API token is
 * created, used and revoked; the audit log shows who did all that; the outbox shows what was sent.
 *
 * Uses the demo admin only; creates its own staff account, token and phone number (no demo student).
 * Staff pages are built for ≥ 1024 px, so this spec runs at desktop width in Chinese.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function asAdmin(page: Page) {
  await signInStaff(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
}

test("admin creates a college secretary who then signs in and lands on the college desk", async ({
  page,
}) => {
  test.slow(); // two sign-ins (argon2) and two axe runs
  await asAdmin(page);
  await page.getByRole("link", { name: /教职工账号/ }).click();
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await checkA11y(page);
  await page.getByRole("link", { name: "新建账号" }).click();
  await checkA11y(page);

  const username = `sec${tag}`;
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("显示名称").fill("测试学院秘书");
  await page.locator("#roles-college").check();
  const college = page.locator("input[name=collegeIds]").first();
  const collegeName = (
    await page.locator(`label[for="${await college.getAttribute("id")}"]`).innerText()
  ).split("\n")[0];
  await college.check();
  await page.getByRole("button", { name: "创建账号" }).click();

  await expect(page.getByText(`已创建账号 ${username}`)).toBeVisible();
  const password = (await page.getByTestId("initial-password").innerText()).trim();
  expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

  await page.goto("/admin/staff?q=" + username);
  const row = page.getByRole("row", { name: new RegExp(username) });
  await expect(row).toContainText("学院");
  await expect(row).toContainText(collegeName);
  await expect(row).toContainText("须修改密码");

  await signOut(page);
  await signInStaff(page, username, password);
  await expect(page).toHaveURL(/\/college$/);
  await expect(page.locator("main")).toBeVisible();
  // the admin area stays closed to a college secretary
  const admin = await page.goto("/admin/staff");
  expect(admin?.status()).toBe(403);
});

test("admin changes the registrar contact; the new values are kept", async ({ page }) => {
  await asAdmin(page);
  await page.goto("/admin/settings");
  await checkA11y(page);
  const contact = page.locator("form", { has: page.getByRole("heading", { name: "学籍管理科联系方式" }) });
  const phone = `027-6${tag.slice(-7)}`;
  await contact.getByLabel("联系电话").fill(phone);
  await contact.getByLabel("办公时间").fill("工作日 9:00–16:00");
  await contact.getByRole("button", { name: "保存" }).click();
  await expect(contact.getByText("已保存。")).toBeVisible();

  // a bad value is refused at its field and nothing changes
  const codes = page.locator("form", { has: page.getByRole("heading", { name: "验证码与找回密码" }) });
  await codes.getByLabel("验证码有效期（分钟）").fill("2000");
  await codes.getByRole("button", { name: "保存" }).click();
  await expect(codes.getByRole("alert")).toContainText("1 到 1440");

  await page.reload();
  await expect(
    page
      .locator("form", { has: page.getByRole("heading", { name: "学籍管理科联系方式" }) })
      .getByLabel("联系电话"),
  ).toHaveValue(phone);
  await expect(
    page
      .locator("form", { has: page.getByRole("heading", { name: "验证码与找回密码" }) })
      .getByLabel("验证码有效期（分钟）"),
  ).not.toHaveValue("2000");
});

test("a new school name reaches visitors of the cached home, help and sign-in pages at once", async ({
  page,
  browser,
}) => {
  // These pages are served from a short cache to visitors without a session (lib/ops/public-page-cache.ts).
  const visitor = await (await browser.newContext()).newPage();
  const pages = ["/", "/help", "/login"];
  for (const path of pages) for (let i = 0; i < 2; i++) await visitor.goto(path);
  const before = (await visitor.locator("footer").innerText()).trim();

  await asAdmin(page);
  await page.goto("/admin/settings");
  const general = page.locator("form", { has: page.getByRole("heading", { name: "学校信息" }) });
  const oldName = await general.getByLabel("学校名称").inputValue();
  const newName = `示范大学${tag}`;
  try {
    await general.getByLabel("学校名称").fill(newName);
    await general.getByRole("button", { name: "保存" }).click();
    await expect(general.getByText("已保存。")).toBeVisible();
    for (const path of pages) {
      await visitor.goto(path);
      await expect(visitor.locator("footer")).toContainText(newName);
    }
    expect(before).not.toContain(newName);
  } finally {
    await general.getByLabel("学校名称").fill(oldName);
    await general.getByRole("button", { name: "保存" }).click();
    await expect(general.getByText("已保存。")).toBeVisible();
    await visitor.context().close();
  }
});

test("admin creates an API token, the API answers with it, and refuses it once revoked", async ({
  page,
  playwright,
}) => {
  await asAdmin(page);
  await page.goto("/admin/tokens");
  await checkA11y(page);
  const name = `教务系统${tag}`;
  await page.getByLabel("名称").fill(name);
  await page.getByRole("button", { name: "创建令牌" }).click();
  const token = (await page.getByTestId("api-token").innerText()).trim();
  expect(token).toMatch(/^xjt_/);

  // a client without the browser's cookies: only the bearer token counts
  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const ok = await api.get("/api/v1/self-check-status?cohort=2023", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { colleges: unknown[]; campaign: { name: string } | null };
  expect(body.colleges.length).toBeGreaterThan(0);
  expect((await api.get("/api/v1/self-check-status?cohort=2023")).status()).toBe(401);

  // shown once: after a reload only the prefix is left
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).not.toContainText("从未使用");

  await row.getByRole("button", { name: `撤销令牌 ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("已撤销");
  const refused = await api.get("/api/v1/self-check-status?cohort=2023", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "api.errors.invalidToken" });
  await api.dispose();
});

test("the audit log shows the admin's actions, filters them and exports CSV", async ({ page }) => {
  test.slow();
  await asAdmin(page);
  await page.goto("/admin/audit");
  await checkA11y(page);
  for (const action of ["staff.create", "settings.update", "apiToken.create", "apiToken.revoke"]) {
    await page.getByLabel("操作", { exact: true }).selectOption(action);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`action=${action.replace(".", "\\.")}`));
    const first = page.locator("tbody tr").first();
    await expect(first).toContainText(action);
    await expect(first).toContainText("admin");
  }
  await page.locator("tbody tr").first().getByText("查看变更").click();
  await expect(page.locator("tbody tr").first().getByText("变更后")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
});

test("the outbox lists an SMS the portal sent", async ({ page, request }) => {
  const phone = `139${String(Date.now()).slice(-8)}`;
  await page.goto("/register");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "免费获取" }).click();
  const message = await latestMessage(request, phone);

  await asAdmin(page);
  await page.goto(`/admin/outbox?to=${phone}`);
  const row = page.getByRole("row", { name: new RegExp(phone) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(message.body.slice(0, 12));
});
