/**
 * Screenshots of the external sign-in pages (/login, /staff/login, /account bindings, the admin provider
 * page) at 360 and 1280 px, zh-CN and English, into ./screenshots/sso/ (gitignored). Not a test: for
 * looking at the pages. Needs the e2e server (`E2E_PORT=3150 bash scripts/e2e-server.sh` with
 * OIDC_CAMPUS_E2E_CLIENT_SECRET set as in playwright.config.ts); starts the test provider itself.
 *   BASE_URL=http://127.0.0.1:3150 npx tsx tests/e2e/support/sso-screenshots.ts
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import {
  DEFAULT_DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS,
} from "../../../prisma/seed/demo-students";
import { E2E_CLIENT_ID, E2E_PROVIDER_SLUG, startE2eProvider } from "./oidc-provider";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3150";
const OUT = "screenshots/sso";
const user = { sub: "idp-student-248289761001", username: "s1", password: "p1" };

async function signIn(page: Page, path: string, username: string, password: string) {
  await page.goto(`${BASE_URL}${path}`);
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await page.waitForURL((u) => !u.pathname.includes("login"));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const idp = await startE2eProvider(BASE_URL, [user]);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const setup = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(setup, "/staff/login", "admin", DEFAULT_DEMO_STAFF_PASSWORD);
    await setup.goto(`${BASE_URL}/admin/sign-in-providers/new`);
    await setup.locator("#slug").fill(E2E_PROVIDER_SLUG);
    await setup.locator("#nameZh").fill("示范大学统一身份认证");
    await setup.locator("#nameEn").fill("Demo University SSO");
    await setup.locator("#issuer").fill(idp.issuer);
    await setup.locator("#clientId").fill(E2E_CLIENT_ID);
    await setup.locator("input[name=audience][value=both]").check();
    await setup.getByRole("button", { name: "保存" }).click();
    // a second run finds the provider already there
    await setup.waitForURL(/sign-in-providers\/c/, { timeout: 5_000 }).catch(async () => {
      await setup.goto(`${BASE_URL}/admin/sign-in-providers`);
      await setup.getByRole("link", { name: "示范大学统一身份认证", exact: true }).click();
      await setup.waitForURL(/sign-in-providers\/c/);
    });
    const providerPath = new URL(setup.url()).pathname;
    // a student with one binding
    const student = await (await browser.newContext()).newPage();
    await signIn(student, "/login", DEMO_STUDENTS[0].phone, DEMO_STUDENT_PASSWORD);
    await student.goto(`${BASE_URL}/account`);
    const bind = student.getByRole("button", { name: /^绑定/ });
    if (await bind.count()) {
      await student.locator("input[name=currentPassword]").last().fill(DEMO_STUDENT_PASSWORD);
      await bind.click();
      await student.locator("#username").fill(user.username);
      await student.locator("#password").fill(user.password);
      await student.getByRole("button", { name: "登录", exact: true }).click();
      await student.waitForURL(/account/);
    }

    for (const locale of ["zh-CN", "en"]) {
      for (const width of [360, 1280]) {
        const shots: [string, Page, string][] = [];
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        await context.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
        const anon = await context.newPage();
        shots.push(["login", anon, "/login?sso=unbound"], ["staff-login", anon, "/staff/login"]);
        const studentContext = await browser.newContext({ viewport: { width, height: 900 } });
        await studentContext.addCookies([
          ...(await student.context().cookies()),
          { name: "locale", value: locale, url: BASE_URL },
        ]);
        shots.push(["account", await studentContext.newPage(), "/account#external"]);
        const adminContext = await browser.newContext({ viewport: { width, height: 900 } });
        await adminContext.addCookies([
          ...(await setup.context().cookies()),
          { name: "locale", value: locale, url: BASE_URL },
        ]);
        const admin = await adminContext.newPage();
        shots.push(["admin-provider", admin, providerPath]);
        for (const [name, page, path] of shots) {
          await page.goto(`${BASE_URL}${path}`);
          if (name === "admin-provider") {
            await page
              .locator("form:has(input[name=id]) button")
              .filter({ hasText: /测试连接|Test connection/ })
              .click();
            await page.getByTestId("connection-report").waitFor();
          }
          if (name === "account") await page.locator("#external").scrollIntoViewIfNeeded();
          await page.screenshot({
            path: `${OUT}/${name}-${locale}-${width}.png`,
            fullPage: name !== "account",
          });
        }
        await context.close();
        await studentContext.close();
        await adminContext.close();
      }
    }
  } finally {
    await browser.close();
    await idp.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
