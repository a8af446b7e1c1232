import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { catalogueOf, messagePattern, pageLocale } from "./catalogue";
import { latestMessage } from "./helpers";

/**
 * Fixtures for tests/e2e/identity.spec.ts. People come from the seeded roster (records no account holds
 * yet, picked fresh on every run by identity-db.ts) and register through /register like real students.
 */

const ROOT = path.resolve(__dirname, "../../..");
/**
 * The server's database, named like scripts/e2e-server.sh names it (data/e2e.db on the default port 3100,
 * data/e2e-<port>.db on another); the same environment gives the same keys.
 */
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const port = process.env.E2E_PORT ?? "3100";
  return `file:./data/${port === "3100" ? "e2e" : `e2e-${port}`}.db`;
}

function identityDb<T>(...args: string[]): T {
  const out = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "tests/e2e/support/identity-db.ts", ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as T;
}

export type RosterPerson = { name: string; idNumber: string; studentNumber: string; enrolledOn: string };

/** `count` people of one class whose records no account holds yet. */
export function pickClassmates(
  count: number,
  options: { inOpenCampaign?: boolean; collegeCode?: string } = {},
): { className: string; people: RosterPerson[] } {
  return identityDb(
    "pick",
    String(count),
    options.inOpenCampaign ? "open" : "any",
    ...(options.collegeCode ? [options.collegeCode] : []),
  );
}

/** Gives a record the roster's 考生号 (the optional roster column). */
export function setExamNumber(studentNumber: string, examNumber: string): void {
  identityDb("exam-number", studentNumber, examNumber);
}

/** Gives a record the roster's name `name` (e.g. a minority name written with U+00B7). */
export function renameRecord(studentNumber: string, name: string): void {
  identityDb("rename", studentNumber, name);
}

/** A verified account registered long ago with `phone` (someone else's, as a recycled number is). */
export function createAccountWithPhone(phone: string): void {
  identityDb("holder", phone);
}

/** What a clock one day later would show: today's photo uploads become yesterday's. */
export function backdatePhotoUploads(phone: string): void {
  identityDb("backdate-photos", phone);
}

/** What a clock 8 days later would show for this requester's open classmate-assist requests. */
export function expireAssistRequests(phone: string): void {
  identityDb("expire-assists", phone);
}

export function freshPhone(): string {
  return `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export const PASSWORD = "Guihua-e2e-2026!";

/**
 * Registers through /register: phone, 短信验证码 from the dev outbox, password, 姓名, 证件号码, consent. With
 * `reRegister` the ID number is already taken: the form offers 我要重新注册, which is checked and submitted.
 * Reads the page in the language of its `locale` cookie. Leaves the new account signed in.
 */
export async function registerThroughUi(
  page: Page,
  request: APIRequestContext,
  person: { name: string; idNumber: string; phone: string },
  options: { reRegister?: boolean } = {},
): Promise<void> {
  const { register } = catalogueOf(await pageLocale(page));
  await page.goto("/register");
  await page.locator("#phone").fill(person.phone);
  const sentAfter = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: register.code.send }).click();
  await expect(page.locator("#code-notice")).toContainText(messagePattern(register.code.sent));
  const sms = await latestMessage(request, person.phone, { after: sentAfter });
  await page.locator("#code").fill(sms.code ?? "");
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#confirmPassword").fill(PASSWORD);
  await page.locator("#name").fill(person.name);
  await page.locator("#idNumber").fill(person.idNumber);
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: register.submit, exact: true }).click();
  if (!options.reRegister) {
    await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
    return;
  }
  await expect(page.getByText(register.idTaken.reRegister, { exact: true })).toBeVisible();
  await page.locator("#reRegister").check();
  // The SMS code was used by nothing yet (the first submit stopped at the ID number), so it is still valid.
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#confirmPassword").fill(PASSWORD);
  await page.getByRole("button", { name: register.submit, exact: true }).click();
  await expect(page.getByRole("heading", { name: register.pending.title })).toBeVisible({
    timeout: 20_000,
  });
}

/** Signs a student in and expects to be refused (cancelled accounts cannot sign in). */
export async function expectSignInRefused(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  const captcha = page.locator("img[data-captcha-id]");
  if (await captcha.count()) {
    const id = (await captcha.getAttribute("data-captcha-id")) ?? "";
    const answer = await page.request.get(`/api/dev/captcha?id=${encodeURIComponent(id)}`);
    await page
      .locator("input[name=captchaAnswer]")
      .fill(((await answer.json()) as { answer: string }).answer);
  }
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** A real photo (JPEG with camera EXIF, like a phone's) of about `kb` KB when asked. */
export async function photo(name = "front.jpg"): Promise<UploadFile> {
  const buffer = await sharp({
    create: { width: 320, height: 240, channels: 3, background: { r: 210, g: 180, b: 150 } },
  })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCam", Copyright: "gps-here" } })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

export async function pngPhoto(name = "back.png"): Promise<UploadFile> {
  const buffer = await sharp({ create: { width: 200, height: 150, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  return { name, mimeType: "image/png", buffer };
}

/** A PDF wearing a .jpg name and an image/jpeg content type: only the content gives it away. */
export function pdfAsJpg(): UploadFile {
  return {
    name: "身份证.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n", "latin1"),
  };
}

export function textAsJpg(): UploadFile {
  return { name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a picture at all\n") };
}

/** A JPEG of 301 KB (a real header, padded): too large whatever it holds. */
export async function jpeg301k(): Promise<UploadFile> {
  const head = (await photo()).buffer;
  return {
    name: "big.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.concat([head, Buffer.alloc(301 * 1024 - head.length, 0)]),
  };
}
