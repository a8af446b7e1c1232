import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { checkDigitFor } from "../../lib/identity/id-number";
import zhRegister from "../../lib/i18n/messages/zh-CN/register.json";
import enRegister from "../../lib/i18n/messages/en/register.json";
import zhPasswords from "../../lib/i18n/messages/zh-CN/passwords.json";
import enPasswords from "../../lib/i18n/messages/en/passwords.json";
import zhRecover from "../../lib/i18n/messages/zh-CN/recover.json";
import enRecover from "../../lib/i18n/messages/en/recover.json";
import zhAccount from "../../lib/i18n/messages/zh-CN/account.json";
import enAccount from "../../lib/i18n/messages/en/account.json";
import { captchaAnswer, checkA11y, latestMessage, signInStudent, signOut } from "./support/helpers";
import { formatMessage } from "./support/icu";

/**
 * Student accounts (SPEC §2): registration, sign-in, recovery and account management, as a student does
 * them on a phone (360 px, zh-CN) and on a desktop in English (1280 px; tests tagged @both). Every test
 * registers its own students (random 139… phones, random valid ID numbers); no demo student is used.
 */

type Catalogue = {
  register: typeof zhRegister;
  passwords: typeof zhPasswords;
  recover: typeof zhRecover;
  account: typeof zhAccount;
};
const ZH: Catalogue = {
  register: zhRegister,
  passwords: zhPasswords,
  recover: zhRecover,
  account: zhAccount,
};
const EN: Catalogue = {
  register: enRegister,
  passwords: enPasswords,
  recover: enRecover,
  account: enAccount,
};
const texts = (): Catalogue => (test.info().project.name === "desktop-en" ? EN : ZH);
const fill = (template: string, params: Record<string, string | number>) =>
  formatMessage(template, params, test.info().project.name === "desktop-en" ? "en" : "zh-CN");

const phone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
function idNumber(): string {
  const first17 =
    ["110101", "310104", "440106", "510107"][randomInt(0, 4)] +
    String(1998 + randomInt(0, 8)) +
    String(1 + randomInt(0, 12)).padStart(2, "0") +
    String(1 + randomInt(0, 28)).padStart(2, "0") +
    String(randomInt(0, 1000)).padStart(3, "0");
  return first17 + checkDigitFor(first17);
}
const NAMES = ["李明轩", "王思远", "陈雨桐", "刘子涵", "张嘉怡", "杨浩然", "赵欣悦", "黄俊杰"];

type Student = {
  phone: string;
  idNumber: string;
  name: string;
  password: string;
  email?: string;
  questions?: { key: string; answer: string }[];
};

function newStudent(extra: Partial<Student> = {}): Student {
  return {
    phone: phone(),
    idNumber: idNumber(),
    name: NAMES[randomInt(0, NAMES.length)],
    password: "秋天的操场上有桂花香",
    ...extra,
  };
}

/** 免费获取 → the code as the student reads it on the phone (the dev outbox). */
async function requestCode(page: Page, request: APIRequestContext, to: string): Promise<string> {
  const after = new Date(Date.now() - 1000);
  await page.locator("button[name=intent][value=sendCode]").click();
  await expect(page.locator("#code-notice")).not.toBeEmpty();
  const sms = await latestMessage(request, to, { after });
  expect(sms.code).toMatch(/^\d{6}$/);
  return sms.code ?? "";
}

async function fillRegistration(
  page: Page,
  s: Student,
  code: string,
  overrides: Record<string, string> = {},
) {
  const v = {
    phone: s.phone,
    code,
    password: s.password,
    confirmPassword: s.password,
    name: s.name,
    idNumber: s.idNumber,
    email: s.email ?? "",
    ...overrides,
  };
  for (const [id, value] of Object.entries(v)) if (id !== "consent") await page.locator(`#${id}`).fill(value);
  for (const [i, q] of (s.questions ?? []).entries()) {
    await page.locator(`#question${i + 1}`).selectOption(q.key);
    await page.locator(`#answer${i + 1}`).fill(q.answer);
  }
  if (overrides.consent !== "no") await page.locator("#sensitiveConsent").check();
  else await page.locator("#sensitiveConsent").uncheck();
}

async function register(page: Page, request: APIRequestContext, s: Student): Promise<void> {
  const t = texts();
  await page.goto("/register");
  await page.locator("#phone").fill(s.phone);
  const code = await requestCode(page, request, s.phone);
  await fillRegistration(page, s, code);
  await page.getByRole("button", { name: t.register.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
}

/** Follows the newest link in the newest e-mail to an address. */
async function linkFromEmail(request: APIRequestContext, to: string, after: Date): Promise<string> {
  const mail = await latestMessage(request, to, { after });
  const link = /https?:\/\/\S+/.exec(mail.body)?.[0];
  expect(link, `a link in the e-mail to ${to}`).toBeTruthy();
  const url = new URL(link ?? "");
  return url.pathname + url.search;
}

async function verifyEmailByLink(page: Page, request: APIRequestContext, email: string, after: Date) {
  const t = texts();
  await page.goto(await linkFromEmail(request, email, after));
  await page.getByRole("button", { name: t.account.email.verifySubmit }).click();
  await expect(page.getByRole("status")).toContainText(email.slice(0, 1));
}

async function solveCaptcha(page: Page) {
  const id = (await page.locator("img[data-captcha-id]").getAttribute("data-captcha-id")) ?? "";
  await page.locator("input[name=captchaAnswer]").fill(await captchaAnswer(page.request, id));
}

/** /recover/password up to the list of methods. */
async function startRecovery(page: Page, username: string) {
  const t = texts();
  await page.goto("/recover/password");
  await page.locator("#username").fill(username);
  await solveCaptcha(page);
  await page.getByRole("button", { name: t.recover.password.submit, exact: true }).click();
  await expect(page.getByRole("heading", { name: t.recover.password.methodsTitle })).toBeVisible();
}

/**
 * One SMS per phone per 60 seconds, whatever the purpose: when the registration code went to this phone
 * moments ago, the page says how long to wait (请勿频繁获取验证码,请 N 秒后再试). Wait like a person would,
 * then press 免费获取 again.
 */
async function waitOutResendRule(page: Page) {
  const notice = page.locator("#code-notice");
  const refusal = page.locator("#code-error");
  await expect(notice.or(refusal).filter({ hasText: /\S/ }).first()).toBeVisible();
  if (await refusal.isVisible()) {
    const seconds = Number(/(\d+)/.exec((await refusal.textContent()) ?? "")?.[1] ?? 60);
    await page.waitForTimeout((seconds + 1) * 1000);
    await page.locator("button[name=intent][value=sms]").click();
    await expect(notice).not.toBeEmpty();
  }
}

async function newPasswordAndSubmit(page: Page, password: string) {
  const t = texts();
  await page.locator("#password").fill(password);
  await page.locator("#confirmPassword").fill(password);
  await page.getByRole("button", { name: t.recover.password.resetSubmit }).click();
  await expect(page.getByRole("status").filter({ hasText: t.recover.password.done })).toBeVisible();
}

test.describe("student accounts", () => {
  // Each test registers, signs in several times (argon2 on a 2-core machine) and reads messages.
  test.describe.configure({ timeout: 180_000 });

  test(
    "registers, then signs in with the phone and with the ID number",
    { tag: "@both" },
    async ({ page, request }) => {
      const t = texts();
      const s = newStudent();
      await page.goto("/register");
      await expect(page.getByLabel(t.register.phone.label).first()).toBeVisible();
      await expect(page.getByText(t.register.idType.hint)).toBeVisible();
      await checkA11y(page);
      await page.locator("#phone").fill(s.phone);
      const code = await requestCode(page, request, s.phone);
      // The countdown: no second code for 60 seconds.
      await expect(page.locator("button[name=intent][value=sendCode]")).toBeDisabled();
      await fillRegistration(page, s, code);
      await page.getByRole("button", { name: t.register.submit, exact: true }).click();
      await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });

      await signOut(page);
      await signInStudent(page, s.phone, s.password);
      await expect(page).toHaveURL(/\/record/);
      await signOut(page);
      await signInStudent(page, s.idNumber.toLowerCase(), s.password);
      await expect(page).toHaveURL(/\/record/);

      await page.goto("/account");
      await expect(page.getByTestId("completeness")).toHaveText("60%");
      const log = page.getByRole("table");
      await expect(log.getByText(t.account.log.outcomes.success).first()).toBeVisible();
      await checkA11y(page);
    },
  );

  test(
    "every bad input shows its message at its field and creates nothing",
    { tag: "@both" },
    async ({ page, request }) => {
      const t = texts();
      const s = newStudent();
      await page.goto("/register");
      await page.locator("#phone").fill(s.phone);
      const code = await requestCode(page, request, s.phone);
      const wrongCode = code === "000000" ? "111111" : "000000";
      const cases: [string, Record<string, string>, string, string][] = [
        ["phone", { phone: "12812345678" }, "phone", t.register.phone.invalid],
        ["wrong code", { code: wrongCode }, "code", fill(t.register.code.wrongLeft, { left: 4 })],
        ["code format", { code: "12345" }, "code", t.register.code.format],
        [
          "short password",
          { password: "abc1234", confirmPassword: "abc1234" },
          "password",
          fill(t.passwords.tooShort, { min: 8 }),
        ],
        [
          "common password",
          { password: "woaini1314", confirmPassword: "woaini1314" },
          "password",
          t.passwords.common,
        ],
        [
          "password with phone",
          { password: `pw${s.phone}`, confirmPassword: `pw${s.phone}` },
          "password",
          t.passwords.containsPhone,
        ],
        [
          "password with ID",
          { password: `id${s.idNumber}`, confirmPassword: `id${s.idNumber}` },
          "password",
          t.passwords.containsIdNumber,
        ],
        [
          "password with name",
          { password: `我的名字叫${s.name}同学`, confirmPassword: `我的名字叫${s.name}同学` },
          "password",
          t.passwords.containsName,
        ],
        [
          "passwords differ",
          { confirmPassword: "另一个不一样的密码" },
          "confirmPassword",
          t.passwords.mismatch,
        ],
        ["empty name", { name: "" }, "name", t.register.name.empty],
        ["one-character name", { name: "李" }, "name", t.register.name.format],
        [
          "traditional name",
          { name: "張偉" },
          "name",
          fill(t.register.name.traditional, { suggestion: "张伟" }),
        ],
        [
          "ID check digit",
          { idNumber: s.idNumber.slice(0, 17) + (s.idNumber[17] === "1" ? "2" : "1") },
          "idNumber",
          t.register.idNumber.invalid,
        ],
        ["e-mail", { email: "not-an-address" }, "email", t.register.email.invalid],
        ["no consent", { consent: "no" }, "sensitiveConsent", t.register.privacy.required],
      ];
      for (const [label, overrides, field, message] of cases) {
        await fillRegistration(page, s, code, overrides);
        await page.getByRole("button", { name: t.register.submit, exact: true }).click();
        const error = page.locator(`#${field}-error`);
        await expect(error, label).toHaveText(message);
        await expect(page.locator(`#${field}`), label).toHaveAttribute("aria-invalid", "true");
        await expect(page.locator(`#${field}`), label).toHaveAttribute(
          "aria-describedby",
          new RegExp(`${field}-error`),
        );
        await expect(page, label).toHaveURL(/\/register/);
        if (label === "traditional name") await expect(page.locator("#keepTraditionalName")).toBeVisible();
      }
      await checkA11y(page);
      // Nothing was created: the same phone and ID number still register (after all those attempts).
      await fillRegistration(page, s, code);
      await page.getByRole("button", { name: t.register.submit, exact: true }).click();
      await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
    },
  );

  test(
    "recovers the username and resets the password by SMS, e-mail and security questions",
    { tag: "@both" },
    async ({ page, request }) => {
      const t = texts();
      // Waits out the one-message-per-minute rules like a person would.
      test.setTimeout(300_000);
      const s = newStudent({
        email: `e2e.${Date.now()}.${randomInt(0, 1e6)}@example.edu.cn`,
        questions: [
          { key: "birthplace", answer: "杭州" },
          { key: "primary_school", answer: "实验小学" },
        ],
      });
      const registeredAt = new Date(Date.now() - 1000);
      await register(page, request, s);
      await verifyEmailByLink(page, request, s.email ?? "", registeredAt);
      await signOut(page);

      // 找回用户名: 证件号码 + 姓名 + 图片验证码 → the masked phone.
      await page.goto("/recover/username");
      await page.locator("#idNumber").fill(s.idNumber);
      await page.locator("#name").fill(s.name);
      await solveCaptcha(page);
      await checkA11y(page);
      await page.getByRole("button", { name: t.recover.username.submit, exact: true }).click();
      await expect(page.getByTestId("found-phone")).toHaveText(
        `${s.phone.slice(0, 3)}****${s.phone.slice(7)}`,
      );

      // 1. Reset link to the verified security e-mail.
      await startRecovery(page, s.email ?? "");
      const mailAfter = new Date(Date.now() - 1000);
      const byEmail = page.getByRole("button", {
        name: new RegExp(t.recover.password.byEmail.split("{")[0]),
      });
      await byEmail.click();
      // The verification e-mail went to this address moments ago: one e-mail per address per minute.
      const sent = page.getByRole("status");
      const refused = page.locator("main [role=alert]");
      await expect(sent.or(refused).first()).toBeVisible();
      if (await refused.isVisible()) {
        const seconds = Number(/(\d+)/.exec((await refused.textContent()) ?? "")?.[1] ?? 60);
        await page.waitForTimeout((seconds + 1) * 1000);
        await byEmail.click();
      }
      await expect(sent).toBeVisible();
      await page.goto(await linkFromEmail(request, s.email ?? "", mailAfter));
      await expect(page.getByRole("heading", { name: t.recover.password.resetTitle })).toBeVisible();
      await checkA11y(page);
      await newPasswordAndSubmit(page, "邮件找回之后的新密码");
      await signInStudent(page, s.email ?? "", "邮件找回之后的新密码");
      await signOut(page);

      // 2. Security questions.
      await startRecovery(page, s.idNumber);
      await page.getByRole("button", { name: t.recover.password.byQuestions }).click();
      await page.locator("#answer1").fill(" 杭 州 ");
      await page.locator("#answer2").fill("实验小学");
      await newPasswordAndSubmit(page, "密保找回之后的新密码");
      await signInStudent(page, s.idNumber, "密保找回之后的新密码");
      await signOut(page);

      // 3. SMS code to the bound phone (last: one SMS per phone per 60 s, and the registration code went to it).
      await startRecovery(page, s.phone);
      await expect(page.getByRole("button", { name: t.recover.password.byQuestions })).toBeVisible();
      const smsAfter = new Date(Date.now() - 1000);
      await page
        .getByRole("button", {
          name: fill(t.recover.password.bySms, { phone: `${s.phone.slice(0, 3)}****${s.phone.slice(7)}` }),
        })
        .click();
      await waitOutResendRule(page);
      const sms = await latestMessage(request, s.phone, { after: smsAfter });
      await page.locator("#code").fill(sms.code ?? "");
      await newPasswordAndSubmit(page, "短信找回之后的新密码");
      await signInStudent(page, s.phone, "短信找回之后的新密码");
      await expect(page).toHaveURL(/\/record/);
    },
  );

  test("changes the phone and the security e-mail", { tag: "@both" }, async ({ page, request }) => {
    const t = texts();
    const s = newStudent();
    await register(page, request, s);
    await page.goto("/account");

    const newPhone = phone();
    const phoneForm = page.getByRole("form", { name: t.account.phone.title });
    await checkA11y(page);
    await phoneForm.locator("#newPhone").fill(newPhone);
    const code = await requestCode(page, request, newPhone);
    await phoneForm.locator("#code").fill(code);
    await phoneForm.locator("input[name=currentPassword]").fill(s.password);
    await phoneForm.getByRole("button", { name: t.account.phone.submit }).click();
    await expect(phoneForm.getByRole("status")).toContainText(
      `${newPhone.slice(0, 3)}****${newPhone.slice(7)}`,
    );

    const email = `changed.${Date.now()}.${randomInt(0, 1e6)}@example.edu.cn`;
    const emailForm = page.getByRole("form", { name: t.account.email.title });
    const after = new Date(Date.now() - 1000);
    await emailForm.locator("#email").fill(email);
    await emailForm.locator("input[name=currentPassword]").fill(s.password);
    await emailForm.getByRole("button", { name: t.account.email.submit }).click();
    await expect(emailForm.getByRole("status")).toBeVisible();
    await verifyEmailByLink(page, request, email, after);
    await page.goto("/account");
    await expect(page.getByTestId("email-status")).toContainText(`${email[0]}***@example.edu.cn`);
    await expect(page.getByTestId("completeness")).toHaveText("80%");

    await signOut(page);
    await signInStudent(page, newPhone, s.password);
    await signOut(page);
    await signInStudent(page, email, s.password);
    await expect(page).toHaveURL(/\/record/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("免费获取 keeps what was typed and the registration completes", async ({ page, request }) => {
    const s = newStudent();
    await page.goto("/register");
    await page.locator("#phone").fill(s.phone);
    await page.locator("#name").fill(s.name);
    await page.locator("#idNumber").fill(s.idNumber);
    const after = new Date(Date.now() - 1000);
    await page.locator("button[name=intent][value=sendCode]").click();
    await expect(page.locator("#code-notice")).not.toBeEmpty();
    await expect(page.locator("#phone")).toHaveValue(s.phone);
    await expect(page.locator("#name")).toHaveValue(s.name);
    await expect(page.locator("#idNumber")).toHaveValue(s.idNumber);
    const sms = await latestMessage(request, s.phone, { after });
    await fillRegistration(page, s, sms.code ?? "");
    await page.getByRole("button", { name: ZH.register.submit, exact: true }).click();
    await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
  });
});
