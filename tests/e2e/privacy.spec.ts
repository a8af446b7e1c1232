import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { expect, test, type Page } from "@playwright/test";
import zhPrivacy from "../../lib/i18n/messages/zh-CN/privacy.json";
import enPrivacy from "../../lib/i18n/messages/en/privacy.json";
import { BASE_URL } from "../../playwright.config";
import { checkA11y, outboxMessages, signInStaff, signOut } from "./support/helpers";
import {
  expectSignInRefused,
  freshPhone,
  PASSWORD,
  pickClassmates,
  registerThroughUi,
  type RosterPerson,
} from "./support/identity-fixtures";
import { formatMessage } from "./support/icu";

/**
 * Personal information (PIPL art. 45, 47): on /account a student downloads a zip of their data and asks
 * for the account to be closed; the registrar decides at /registrar/closures. On a phone in zh-CN (360 px)
 * and on a desktop in English (1280 px): every test is tagged @both.
 */
const texts = () => (test.info().project.name === "desktop-en" ? enPrivacy : zhPrivacy);
const fill = (template: string, params: Record<string, string | number>) =>
  formatMessage(template, params, test.info().project.name === "desktop-en" ? "en" : "zh-CN");

/** Registers a roster person (the registration form is filled in zh-CN), then reads in the project's language. */
async function registerStudent(page: Page): Promise<RosterPerson & { phone: string }> {
  const person = pickClassmates(1).people[0];
  const phone = freshPhone();
  const english = test.info().project.name === "desktop-en";
  if (english) await page.context().addCookies([{ name: "locale", value: "zh-CN", url: BASE_URL }]);
  await registerThroughUi(page, page.request, { ...person, phone });
  if (english) await page.context().addCookies([{ name: "locale", value: "en", url: BASE_URL }]);
  return { ...person, phone };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.describe("personal information", () => {
  test(
    "a student downloads a zip of their own data; a wrong password is refused at the field",
    { tag: "@both" },
    async ({ page }) => {
      const t = texts();
      const me = await registerStudent(page);
      await page.goto("/account#data");
      const section = page.locator("#data");
      await section.getByRole("heading", { name: t.export.title }).scrollIntoViewIfNeeded();
      await expect(section.getByRole("heading", { name: t.export.title })).toBeInViewport();

      // wrong password: back on /account with the message at the field, nothing downloaded
      await section.getByLabel(t.export.password).fill("not-my-password");
      await section.getByRole("button", { name: t.export.submit }).click();
      await expect(page).toHaveURL(/\/account\?export=wrongPassword#data$/);
      const field = page.locator("#export-password");
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#export-password-error")).toHaveText(t.export.errors.wrongPassword);
      await page.locator("#export-password-error").scrollIntoViewIfNeeded();
      await expect(page.locator("#export-password-error")).toBeInViewport();
      await shot(page, "account-data-error");
      expect(page.url()).not.toContain(me.idNumber);

      // the right password: the browser receives the zip
      await field.fill(PASSWORD);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        section.getByRole("button", { name: t.export.submit }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = await JSZip.loadAsync(await readFile(await download.path()));
      const data = JSON.parse(await zip.file("data.json")!.async("string"));
      expect(data.account.idNumber).toBe(me.idNumber);
      expect(data.account.phone).toBe(me.phone);
      expect(data.enrollmentRecords.map((r: { studentNumber: string }) => r.studentNumber)).toEqual([
        me.studentNumber,
      ]);
      expect(data.signInHistory.length).toBeGreaterThan(0);
      expect(zip.file("README.txt")).not.toBeNull();
      await checkA11y(page);
    },
  );

  test(
    "the download route serves only the signed-in student's own data",
    { tag: "@both" },
    async ({ page, browser }) => {
      const first = await registerStudent(page);
      // signed out: no data, sent to sign in
      const anonymous = await browser.newContext();
      const refused = await anonymous.request.post(`${BASE_URL}/account/data-export`, {
        form: { currentPassword: PASSWORD },
        headers: { origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(303);
      expect(refused.headers()["location"]).toMatch(/^\/login/);
      await anonymous.close();
      // another student gets their own data, never the first one's
      await signOut(page);
      const second = await registerStudent(page);
      const response = await page.request.post(`${BASE_URL}/account/data-export`, {
        form: { currentPassword: PASSWORD },
        headers: { origin: BASE_URL },
      });
      expect(response.headers()["content-type"]).toBe("application/zip");
      expect(response.headers()["cache-control"]).toContain("no-store");
      const zip = await JSZip.loadAsync(await response.body());
      const text = await zip.file("data.json")!.async("string");
      expect(JSON.parse(text).account.idNumber).toBe(second.idNumber);
      expect(text).not.toContain(first.idNumber);
      expect(text).not.toContain(first.phone);
    },
  );

  test(
    "a student asks for closure, the registrar approves, the account is closed and the student told what is kept",
    { tag: "@both" },
    async ({ page }) => {
      const t = texts();
      const me = await registerStudent(page);
      await page.goto("/account#closure");
      const section = page.locator("#closure");
      await section.getByRole("heading", { name: t.closure.title }).scrollIntoViewIfNeeded();
      await expect(section.getByText(t.closure.keptTitle)).toBeInViewport();
      await expect(section.getByText(t.closure.kept)).toBeVisible();

      // without a reason and the confirmation: both fields say so, nothing filed
      await section.getByLabel(t.closure.password).fill(PASSWORD);
      await section.getByRole("button", { name: t.closure.submit }).click();
      await expect(page.locator("#closure-reason-error")).toHaveText(t.closure.errors.reasonRequired);
      await expect(page.locator("#confirm-error")).toHaveText(t.closure.errors.confirmRequired);
      await page.locator("#closure-reason-error").scrollIntoViewIfNeeded();
      await expect(page.locator("#closure-reason-error")).toBeInViewport();

      const reason = "已经毕业，不再使用本平台 <script>alert(1)</script>";
      await section.getByLabel(t.closure.reason).fill(reason);
      await section.getByLabel(t.closure.password).fill(PASSWORD);
      await section.getByLabel(t.closure.confirm).check();
      await section.getByRole("button", { name: t.closure.submit }).click();
      await expect(section.getByText(t.closure.pendingTitle)).toBeVisible();
      await expect(section.getByText(fill(t.closure.yourReason, { reason }))).toBeVisible();
      await expect(section.getByRole("button", { name: t.closure.withdraw })).toBeVisible();
      await shot(page, "account-closure-pending");
      await signOut(page);

      // the registrar's list and decision page
      await signInStaff(page, "registrar");
      await page.goto("/registrar/closures");
      await expect(page.getByRole("heading", { name: t.registrar.title, level: 1 })).toBeVisible();
      const row = page.locator("tr", { hasText: reason });
      await row.scrollIntoViewIfNeeded();
      await expect(row).toBeInViewport();
      await expect(row).not.toContainText(me.idNumber);
      await shot(page, "registrar-closures");
      await row.getByRole("link", { name: t.registrar.open }).click();
      await expect(page.getByText(me.studentNumber)).toBeVisible();
      await expect(page.getByText(t.registrar.kept)).toBeVisible();
      // refusing needs a note
      await page.getByRole("button", { name: t.registrar.reject }).click();
      await expect(page.locator("#closure-note-error")).toHaveText(t.closure.errors.noteRequired);
      await shot(page, "registrar-closure-decision");
      await page.getByRole("button", { name: t.registrar.approve }).click();
      await expect(page.getByText(t.registrar.approved).first()).toBeVisible();
      await checkA11y(page);
      await signOut(page);

      // the account is closed: no sign-in; the SMS says what is kept and why
      await expectSignInRefused(page, me.phone, PASSWORD);
      const sms = (await outboxMessages(page.request, me.phone)).find((m) =>
        m.body.includes("已按您的申请注销"),
      );
      expect(sms?.body).toContain("保留您的学籍信息");
      expect(sms?.body).toContain("网络安全法");
    },
  );

  test(
    "a pending closure request can be withdrawn; the account stays open",
    { tag: "@both" },
    async ({ page }) => {
      const t = texts();
      await registerStudent(page);
      await page.goto("/account#closure");
      const section = page.locator("#closure");
      await section.getByLabel(t.closure.reason).fill("暂时不想用了");
      await section.getByLabel(t.closure.password).fill(PASSWORD);
      await section.getByLabel(t.closure.confirm).check();
      await section.getByRole("button", { name: t.closure.submit }).click();
      await expect(section.getByText(t.closure.pendingTitle)).toBeVisible();
      await section.getByRole("button", { name: t.closure.withdraw }).click();
      await expect(section.getByRole("button", { name: t.closure.submit })).toBeVisible();
      await expect(section.getByText(t.closure.pendingTitle)).toHaveCount(0);
      await page.goto("/record");
      await expect(page).toHaveURL(/\/record/);
    },
  );
});
