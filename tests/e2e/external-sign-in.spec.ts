import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { checkA11y, DEMO_STUDENTS, signInStaff, signInStudent, signOut } from "./support/helpers";
import {
  E2E_CLIENT_ID,
  E2E_PROVIDER_SLUG,
  startE2eProvider,
  type RunningProvider,
} from "./support/oidc-provider";

/**
 * External sign-in (SPEC §2.6, issue 15) against a real OpenID Provider the spec starts itself
 * (oidc-provider on loopback, its own login page and users). In order: the admin configures it in the UI
 * and tests the connection, links a college secretary; the secretary signs in by single sign-on and lands
 * on their own college desk; a student binds, signs out, signs in through the provider and unbinds; then
 * the refusals (unbound subject, tampered ID tokens, a replayed callback, the provider down); finally the
 * admin deletes the provider so later specs see the sign-in pages as before.
 *
 * Data: demo admin, college03 (linked here), DEMO_STUDENTS[2] (bound and unbound again here).
 */
test.describe.configure({ mode: "serial" });

const secretary = { sub: "idp-staff-7f3a91c2", username: "t2019003", password: "Campus#Staff1" };
const studentIdp = { sub: "idp-student-248289761001", username: "s2023113", password: "Campus#Stu1" };
const stranger = { sub: "idp-stranger-5c7e0d", username: "s2023999", password: "Campus#Stu9" };
const student = DEMO_STUDENTS[2];
const providerName = "示范大学统一身份认证";
let idp: RunningProvider;

test.beforeAll(async () => {
  idp = await startE2eProvider(BASE_URL, [secretary, studentIdp, stranger]);
});
test.afterAll(async () => {
  await idp?.stop();
});

/** The provider's own login page, as a person fills it in. */
async function signInAtProvider(page: Page, user: { username: string; password: string }) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.getByLabel("统一身份认证账号").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function ssoButton(page: Page) {
  const button = page.getByRole("button", { name: `${providerName}登录` });
  await button.scrollIntoViewIfNeeded();
  await expect(button).toBeInViewport();
  return button;
}

async function expectRefusal(page: Page, path: "/login" | "/staff/login", text: RegExp) {
  await expect(page).toHaveURL(new RegExp(`${path}\\?sso=`));
  const message = page.getByTestId("sso-error");
  await expect(message).toContainText(text);
  await expect(page.locator("main")).not.toContainText(/Error:|\bat .+\.js:\d+|TypeError|stack/);
}

test.describe("administration and staff single sign-on", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the admin adds the campus provider in the UI, tests it and links a college secretary", async ({
    page,
  }) => {
    test.slow();
    await signInStaff(page, "admin");
    await page.getByRole("link", { name: /外部登录/ }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in-providers$/);
    await page.getByRole("link", { name: "添加身份提供方" }).click();
    await page.getByLabel("标识").fill(E2E_PROVIDER_SLUG);
    await page.getByLabel("显示名称(中文)").fill(providerName);
    await page.getByLabel("显示名称(英文)").fill("Demo University SSO");
    await page.getByLabel("签发方地址(Issuer URL)").fill("not a url");
    await page.getByLabel("客户端 ID(Client ID)").fill(E2E_CLIENT_ID);
    await page.getByLabel("教职工和学生").check();
    await page.getByRole("button", { name: "保存" }).click();
    // a bad issuer is refused at its field and what was typed stays
    await expect(page.locator("#issuer-error")).toContainText("https://");
    await expect(page.getByLabel("显示名称(中文)")).toHaveValue(providerName);
    await page.getByLabel("签发方地址(Issuer URL)").fill(idp.issuer);
    await page.getByRole("button", { name: "保存" }).click();

    await expect(page.getByText("已添加。请在身份认证服务登记下面的回调地址")).toBeVisible();
    await expect(page.getByTestId("redirect-uri")).toHaveText(
      `${BASE_URL}/oidc/callback/${E2E_PROVIDER_SLUG}`,
    );
    await expect(page.getByText("OIDC_CAMPUS_E2E_CLIENT_SECRET")).toBeVisible();
    await page.getByRole("button", { name: "测试连接" }).click();
    const report = page.getByTestId("connection-report");
    await expect(report).toContainText("签名公钥(JWKS):已读取 1 个签名密钥");
    await expect(page.getByText("连接正常,可以使用。")).toBeVisible();
    await checkA11y(page);

    await page.goto("/admin/staff?q=college03");
    await page.getByRole("link", { name: "college03" }).first().click();
    const links = page.locator("form", { has: page.getByRole("button", { name: "添加关联" }) });
    await links.getByLabel("外部账号标识(sub)").fill(secretary.sub);
    await links.getByRole("button", { name: "添加关联" }).click();
    await expect(page.getByText("已添加关联。")).toBeVisible();
    await expect(page.getByTestId("staff-links")).toContainText(secretary.sub);
  });

  test("the secretary signs in by single sign-on and lands on their own college desk", async ({ page }) => {
    await page.goto("/staff/login");
    await expect(page.getByRole("heading", { name: "统一身份认证登录" })).toBeVisible();
    await (await ssoButton(page)).click();
    await signInAtProvider(page, secretary);
    await expect(page).toHaveURL(/\/college$/);
    const name = (await page.locator("header").innerText()).match(/(\S+学院)学籍秘书/)?.[1];
    expect(name, "the header names the secretary's college").toBeTruthy();
    await expect(page.locator("main")).toContainText(name!);
    // roles stay the portal's: the registrar's desk is closed
    expect((await page.goto("/registrar"))?.status()).toBe(403);
  });
});

test.describe("a student's bound sign-in", () => {
  test("binds on /account, signs out, signs in through the provider, unbinds", async ({ page }) => {
    test.slow();
    await signInStudent(page, student.phone);
    await page.goto("/account#external");
    const form = page.locator("form", { has: page.getByRole("button", { name: `绑定${providerName}` }) });
    await form.getByLabel("当前密码").fill("wrong password 123");
    await form.getByRole("button", { name: `绑定${providerName}` }).click();
    await expect(form.getByRole("alert")).toContainText("密码");
    await form.getByLabel("当前密码").fill(student.password);
    await form.getByRole("button", { name: `绑定${providerName}` }).click();
    await signInAtProvider(page, studentIdp);
    await expect(page).toHaveURL(/\/account\?sso=bound/);
    await expect(page.getByText("绑定成功")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(providerName) });
    await expect(row).toContainText("idp-****1001");
    await expect(row).not.toContainText(studentIdp.sub);
    const unbind = row.getByRole("button", { name: `解除${providerName}的绑定` });
    await unbind.scrollIntoViewIfNeeded();
    await expect(unbind).toBeInViewport();
    await checkA11y(page);

    await signOut(page);
    await (await ssoButton(page)).click();
    // the provider still knows this browser: no second password, straight back to the portal
    await expect(page).toHaveURL(/\/record$/);
    await page.goto("/account#external");
    await expect(page.getByRole("row", { name: /登录成功/ }).first()).toContainText(providerName);
    await page
      .getByRole("row", { name: new RegExp(providerName) })
      .getByRole("button", { name: `解除${providerName}的绑定` })
      .click();
    await expect(page.getByText("已解除绑定。")).toBeVisible();
    await expect(page.getByRole("button", { name: `绑定${providerName}` })).toBeVisible();
  });
});

test.describe("refusals", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("an unbound subject is told so and offered the password, then binding", async ({ page }) => {
    await page.goto("/login");
    await (await ssoButton(page)).click();
    await signInAtProvider(page, stranger);
    await expectRefusal(page, "/login", /尚未绑定学信网账号/);
    await expect(page.getByText("用密码登录后,在“账号管理 → 第三方账号绑定”中绑定即可。")).toBeVisible();
    await expect(page.locator("input[name=password]")).toBeVisible();
    await expect(page.locator("input[name=next]")).toHaveValue("/account#external");
  });

  test("tampered ID tokens are refused: wrong audience, expired, forged", async ({ page }) => {
    await page.goto("/staff/login");
    await (await ssoButton(page)).click();
    await signInAtProvider(page, secretary);
    await expect(page).toHaveURL(/\/college$/);
    await signOut(page);
    for (const mode of ["wrong_audience", "expired", "forged"] as const) {
      await idp.tamper(mode);
      await page.goto("/staff/login");
      await (await ssoButton(page)).click();
      await expectRefusal(page, "/staff/login", /未通过校验/);
    }
    await idp.tamper("none");
  });

  test("a replayed callback is refused and opens no session", async ({ page, browser }) => {
    let callbackUrl = "";
    page.on("request", (r) => {
      if (r.url().includes(`/oidc/callback/${E2E_PROVIDER_SLUG}?`)) callbackUrl = r.url();
    });
    await page.goto("/staff/login");
    await (await ssoButton(page)).click();
    await signInAtProvider(page, secretary);
    await expect(page).toHaveURL(/\/college$/);
    expect(callbackUrl).toContain("state=");
    // the same callback, again: in this browser, and in someone else's
    for (const context of [page.context(), await browser.newContext()]) {
      const other = await context.newPage();
      await other.goto(callbackUrl);
      if (context === page.context())
        await expect(other).toHaveURL(/\/college$/); // still the old session
      else {
        await expectRefusal(other, "/staff/login", /已失效或已使用过/);
        expect((await other.goto("/college"))?.url()).toContain("/staff/login");
        await context.close();
      }
    }
  });

  test("the provider is down: a clear message, no stack trace; the admin removes the provider", async ({
    page,
  }) => {
    await idp.stop();
    await page.goto("/staff/login");
    await (await ssoButton(page)).click();
    await expectRefusal(page, "/staff/login", /暂时无法连接身份认证服务/);
    await expect(page.locator("input[name=password]")).toBeVisible();

    await signInStaff(page, "admin");
    await page.goto("/admin/sign-in-providers");
    await page.getByRole("link", { name: providerName, exact: true }).click();
    await page.getByLabel("我确认删除").check();
    await page.getByRole("button", { name: "删除此身份提供方" }).click();
    await expect(page.getByText("已删除。")).toBeVisible();
    await signOut(page);
    await page.goto("/login");
    await expect(page.getByRole("button", { name: `${providerName}登录` })).toHaveCount(0);
  });
});
