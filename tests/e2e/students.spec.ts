import { randomInt } from "node:crypto";
import sharp from "sharp";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { checkDigitFor } from "../../lib/identity/id-number";
import { BASE_URL } from "../../playwright.config";
import { catalogueOf, escapeRegExp, messagePattern, projectLocale } from "./support/catalogue";
import { captchaAnswer, checkA11y, latestMessage, signInStaff } from "./support/helpers";
import { formatMessage } from "./support/icu";
import {
  createAccountWithPhone,
  freshPhone,
  pickClassmates,
  registerThroughUi,
} from "./support/identity-fixtures";

/**
 * Issue 12 items 1–9 as a student meets them: help and contacts, photos a phone can take, forms that keep
 * what was typed, truthful status, language, icons. Every test runs in both projects (zh-CN at 360 px,
 * English at 1280 px) and looks for the words of the project's catalogue; the staff who review stay in
 * zh-CN at 1280 px. Students register fresh (random phones, ID numbers and names, or unclaimed roster
 * records picked anew for each project); no demo student is changed.
 */

/** The catalogue of the project's language. */
const texts = () => catalogueOf(projectLocale());
const fill = (template: string, params: Record<string, string | number>) =>
  formatMessage(template, params, projectLocale());

function idNumber(): string {
  const first17 = `420106${2000 + randomInt(0, 6)}0${1 + randomInt(0, 9)}1${randomInt(0, 9)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + checkDigitFor(first17);
}

/** Forgets who is signed in but keeps the language (the `locale` cookie), as signing out does. */
async function forgetSession(context: BrowserContext) {
  await context.clearCookies({ name: new RegExp(`^(?!${LOCALE_COOKIE}$)`) });
}

/** The staff who review, at a desk (1280 px) in zh-CN whatever the student's project reads. */
async function staffContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    storageState: { cookies: [], origins: [] },
  });
  await context.addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: BASE_URL }]);
  return context;
}

/** Scrolls to the element and checks it is on screen; tried again while a re-render replaces the element. */
async function expectInView(page: Page, selector: string) {
  await expect(async () => {
    const target = page.locator(selector).first();
    await target.scrollIntoViewIfNeeded({ timeout: 2_000 });
    await expect(target).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test(
  "help answers before students ask: from the header, the footer and the home page, with contacts, icons and a description",
  { tag: "@both" },
  async ({ page, request }) => {
    const t = texts();
    await page.goto("/");
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length ?? 0).toBeGreaterThan(20);
    expect(description).toBe(t.meta.home);
    // the home page's question leads to its answer
    await page.getByRole("link", { name: t.home.troubleItems.duplicate }).click();
    await expect(page).toHaveURL(/\/help#id-taken$/);
    await expect(page.locator("#id-taken")).toBeInViewport();
    await expect(page.locator("#id-taken")).toHaveText(t.help.topics.idTaken.q);
    for (const anchor of [
      "no-record",
      "wrong-info",
      "phone-taken",
      "not-counted",
      "rare-characters",
      "minority-names",
      "sms-code",
      "forgot-username",
      "who-to-contact",
    ])
      await expect(page.locator(`#${anchor}`)).toHaveCount(1);
    // the registrar's office and each college, with tappable phone numbers (admin.spec may have changed
    // the registrar's number: read whatever the settings hold)
    await expectInView(page, "#contacts");
    const contacts = page.locator('section:has(#contacts) a[href^="tel:"]');
    await expect(contacts.first()).toBeVisible();
    expect(await contacts.first().getAttribute("href")).toMatch(/^tel:[\d+-]+$/);
    await expect(
      page.getByRole("heading", { name: t.help.contacts.collegesTitle, exact: true }),
    ).toBeVisible();
    // the demo's college offices (027-8888 61xx), one per college
    expect(await page.locator('a[href^="tel:027-888861"]').count()).toBeGreaterThan(5);
    await checkA11y(page);

    // header and footer link there from every page, at this width
    await page.goto("/login");
    await expectInView(page, 'header a[href="/help"]');
    await expectInView(page, 'footer a[href="/help"]');
    await page.locator('header a[href="/help"]').click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page).toHaveTitle(new RegExp(escapeRegExp(t.help.title)));

    // icons: no 404 for /favicon.ico any more, the app icons and the manifest are served
    for (const [path, type] of [
      ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/icon.svg", /image\/svg\+xml/],
      ["/apple-icon.png", /image\/png/],
      ["/icons/icon-192.png", /image\/png/],
      ["/manifest.webmanifest", /application\/manifest\+json/],
    ] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["content-type"], path).toMatch(type);
    }
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico|icon/);
  },
);

test(
  "registration keeps every field after 证件号码已被注册 and links to its answer",
  { tag: "@both" },
  async ({ page, request }) => {
    const t = texts();
    const taken = idNumber();
    const first = { name: "周子墨", idNumber: taken, phone: freshPhone() };
    await registerThroughUi(page, request, first);
    await forgetSession(page.context());

    await page.goto("/register");
    const phone = freshPhone();
    await page.locator("#phone").fill(phone);
    const after = new Date(Date.now() - 1000);
    await page.getByRole("button", { name: t.register.code.send }).click();
    const sms = await latestMessage(request, phone, { after });
    await page.locator("#code").fill(sms.code ?? "");
    await page.locator("#password").fill("我的新密码是桂花树下");
    await page.locator("#confirmPassword").fill("我的新密码是桂花树下");
    await page.locator("#name").fill("周子墨");
    await page.locator("#idNumber").fill(taken);
    await page.locator("#email").fill("zhou@example.edu.cn");
    await page.locator("#sensitiveConsent").check();
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();

    await expect(page.locator("#idNumber-error")).toHaveText(t.register.idNumber.taken);
    // nothing to type again: passwords included
    await expect(page.locator("#password")).toHaveValue("我的新密码是桂花树下");
    await expect(page.locator("#confirmPassword")).toHaveValue("我的新密码是桂花树下");
    await expect(page.locator("#phone")).toHaveValue(phone);
    await expect(page.locator("#code")).toHaveValue(sms.code ?? "");
    await expect(page.locator("#email")).toHaveValue("zhou@example.edu.cn");
    await expect(page.locator("#sensitiveConsent")).toBeChecked();
    // 我要重新注册 and the pending page that lists what really works
    await page.locator("#reRegister").check();
    const help = page.getByRole("link", { name: t.register.idTaken.help }).first();
    await expect(help).toHaveAttribute("href", "/help#id-taken");
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await expect(page.getByRole("heading", { name: t.register.pending.title })).toBeVisible({
      timeout: 20_000,
    });
    // among what works now: 账号管理 (account settings) and 站内信 (the inbox)
    await expect(page.getByTestId("pending-works")).toContainText(pendingWork("账号管理"));
    await expect(page.getByTestId("pending-works")).toContainText(pendingWork("站内信"));
    await page.getByRole("link", { name: t.register.pending.cta }).click();
    // the warning names this portal's consequences (旧账号不能再登录本平台), not CHSI's (征兵/研招)
    await expect(page.getByText(t.identity.pending.warning)).toBeVisible();
    await expect(
      page.getByText(projectLocale() === "en" ? /military service|postgraduate/i : /征兵|研招/),
    ).toHaveCount(0);
  },
);

/** The line of the pending page's "works now" list that names `zhWord` in zh-CN, in the project's language. */
function pendingWork(zhWord: string): string {
  const index = catalogueOf("zh-CN").register.pending.works.findIndex((line) => line.includes(zhWord));
  expect(index, `a line with ${zhWord}`).toBeGreaterThanOrEqual(0);
  return texts().register.pending.works[index];
}

test(
  "sign-in says how many tries are left, asks for a captcha it never called wrong, and draws a new one",
  { tag: "@both" },
  async ({ page }) => {
    const t = texts();
    const username = freshPhone();
    await page.goto("/login");
    // A form loaded before the limit was reached shows no picture: take it away if earlier tests left one —
    // once React has taken over the form, or hydration would put it back.
    await page.waitForFunction(() => {
      const form = document.querySelector("form:has(input[name=password])");
      return !!form && Object.keys(form).some((key) => key.startsWith("__react"));
    });
    await page.locator("input[name=username]").fill(username);
    await page.locator("input[name=password]").fill("not-my-password-1");
    await page.evaluate(() => document.querySelectorAll("input[name=captchaId]").forEach((e) => e.remove()));
    await page.locator("form:has(input[name=password]) [type=submit]").click();
    // Either the lock count (no captcha needed yet) or, if earlier tests from this address reached the
    // captcha threshold, a request to type it — never "wrong".
    await expect(page.getByText(anyOf(triesLeft(9), t.signIn.captchaRequired))).toBeVisible();
    await expect(page.getByText(t.signIn.captchaWrong)).toHaveCount(0);

    // Fail until the captcha is required: it appears with a request to fill it, not an error.
    for (let i = 0; i < 4 && (await page.locator("img[data-captcha-id]").count()) === 0; i++) {
      await page.locator("input[name=password]").fill(`not-my-password-${i + 2}`);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
        page.locator("form:has(input[name=password]) [type=submit]").click(),
      ]);
      await expect(page.getByRole("button", { name: t.signIn.submit, exact: true })).toBeEnabled();
    }
    const image = page.locator("img[data-captcha-id]");
    await expect(image).toBeVisible();
    await expect(page.getByText(t.signIn.captchaWrong)).toHaveCount(0);

    // 换一张: a new picture, the typed username stays
    const before = await image.getAttribute("data-captcha-id");
    await page.getByRole("button", { name: t.common.actions.refresh }).click();
    await expect(image).not.toHaveAttribute("data-captcha-id", before ?? "");
    await expect(page.locator("input[name=username]")).toHaveValue(username);
    const id = (await image.getAttribute("data-captcha-id")) ?? "";
    await page.locator("input[name=captchaAnswer]").fill(await captchaAnswer(page.request, id));
    await page.locator("input[name=password]").fill("still-not-my-password");
    await page.locator("form:has(input[name=password]) [type=submit]").click();
    // a single digit of tries left, however the language says "1"
    await expect(
      page.getByText(anyOf(...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(triesLeft), t.signIn.invalidLast)),
    ).toBeVisible();
    await expectInView(page, `button:has-text(${JSON.stringify(t.common.actions.refresh)})`);
  },
);

/** "再输错 N 次账号将被锁定 15 分钟" in the project's language. */
function triesLeft(left: number): string {
  return fill(texts().signIn.invalidLeft, { left });
}

/** Matches any of these texts. */
function anyOf(...candidates: string[]): RegExp {
  return new RegExp(candidates.map(escapeRegExp).join("|"));
}

/** A phone camera picture: 3000×2250 of fine grain (it compresses like a real photo) as a ~5 MB JPEG. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 3000,
      height: 2250,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 36 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

test(
  "a 4–8 MB phone photo is shrunk in the browser to 300 KB; a refused side keeps the other",
  { tag: "@both" },
  async ({ page, request }) => {
    test.setTimeout(180_000);
    const photos = texts().identity.photos;
    const { people } = pickClassmates(1);
    const [person] = people;
    // someone registered this ID number before; the student re-registers and must verify with photos
    await registerThroughUi(page, request, { ...person, phone: freshPhone() });
    await forgetSession(page.context());
    await registerThroughUi(page, request, { ...person, phone: freshPhone() }, { reRegister: true });
    await page.goto("/identity/photos");
    await expect(page.getByRole("heading", { name: photos.samples.title })).toBeVisible();
    await expectInView(page, 'img[src="/samples/id-photo-front-good.svg"]');
    await expectInView(page, 'img[src="/samples/id-photo-back-bad.svg"]');

    const big = await phonePhoto();
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(big.length).toBeLessThan(8 * 1024 * 1024);
    await page.locator("#front").setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: big });
    await expect(page.getByTestId("front-note")).toContainText(messagePattern(photos.shrink.shrunk), {
      timeout: 30_000,
    });
    await expect(page.getByTestId("front-preview")).toBeVisible();
    const frontSize = () =>
      page.locator("#front").evaluate((el: HTMLInputElement) => el.files?.[0]?.size ?? 0);
    const kept = await frontSize();
    expect(kept).toBeGreaterThan(10 * 1024);
    expect(kept).toBeLessThanOrEqual(300 * 1024);

    // Not a picture at all (a PDF named .jpg): the browser says so at once and sends nothing.
    await page.locator("#back").setInputFiles({
      name: "back.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("%PDF-1.4 not an image"),
    });
    await expect(page.locator("#back-error")).toContainText(photos.shrink.unreadable);

    // A small file the browser keeps as it is but the server refuses (30 megapixels: the pixel-flood guard).
    const flood = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: "#3366aa" } })
      .png({ palette: true, compressionLevel: 9 })
      .toBuffer();
    expect(flood.length).toBeLessThan(300 * 1024);
    await page.locator("#back").setInputFiles({ name: "back.png", mimeType: "image/png", buffer: flood });
    await expect(page.getByTestId("back-note")).toContainText(messagePattern(photos.shrink.kept), {
      timeout: 30_000,
    });

    // The upload carries only small files: never the 5 MB original.
    const uploads: number[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/identity/photos"))
        uploads.push(r.postDataBuffer()?.length ?? 0);
    });
    await page.getByRole("button", { name: photos.submit }).click();
    await expect(page.locator("#back-error")).toContainText(photos.errors.unreadable);
    expect(uploads.length).toBeGreaterThan(0);
    expect(Math.max(...uploads)).toBeLessThan(big.length / 4);
    // the refused back is cleared, the front keeps its shrunk photo and preview
    await expect(page.getByTestId("back-preview")).toHaveCount(0);
    expect(await frontSize()).toBe(kept);
    await expect(page.getByTestId("front-preview")).toBeVisible();

    const back = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#cc8844" } })
      .png()
      .toBuffer();
    await page.locator("#back").setInputFiles({ name: "back.png", mimeType: "image/png", buffer: back });
    await expect(page.getByTestId("back-note")).toContainText(messagePattern(photos.shrink.kept));
    await page.getByRole("button", { name: photos.submit }).click();
    await expect(page.getByText(messagePattern(photos.submitted))).toBeVisible({ timeout: 30_000 });
    await expectInView(page, "#photo-log");
  },
);

test(
  "confirmed, then reported: the page shows the report's status, not 已完成自查; contacts beside the record",
  { tag: "@both" },
  async ({ page, request }) => {
    test.setTimeout(120_000);
    const t = texts();
    const { people } = pickClassmates(1, { inOpenCampaign: true });
    await registerThroughUi(page, request, { ...people[0], phone: freshPhone() });
    await page.goto("/record");
    await page.getByRole("button", { name: t.record.selfCheck.confirm }).click();
    await expect(page.getByText(t.record.selfCheck.done).first()).toBeVisible();
    // who to ask, on the record page
    await expectInView(page, "#contact-card-title");
    await expect(page.getByText(messagePattern(t.help.contacts.yourCollegeName))).toBeVisible();

    await page.getByRole("link", { name: t.record.selfCheck.report }).click();
    // the record page has the same card: wait for the report page before looking for it
    await expect(page).toHaveURL(/\/record\/report/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.corrections.form.title);
    await expectInView(page, "#contact-card-title");
    const block = page.locator("li", {
      has: page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(t.record.fields.department)}`) }),
    });
    await block.getByRole("checkbox").check();
    await block.getByLabel(t.corrections.form.value).fill("人工智能与数据科学系");
    await block.getByLabel(t.corrections.form.reason).fill("录取通知书上为人工智能与数据科学系");
    const notice = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#e8e0c8" } })
      .png()
      .toBuffer();
    await page
      .getByLabel(t.corrections.form.evidence, { exact: true })
      .setInputFiles({ name: "录取通知书.png", mimeType: "image/png", buffer: notice });
    await page.getByRole("button", { name: t.corrections.form.submit }).click();
    await expect(page).toHaveURL(/\/record\/requests\//);

    await page.goto("/record");
    const panel = page.locator('[aria-labelledby="self-check-title"]');
    await expect(
      panel.getByText(fill(t.record.selfCheck.reported, { status: t.corrections.status.submitted }), {
        exact: true,
      }),
    ).toBeVisible();
    await expect(panel.getByText(t.record.selfCheck.done, { exact: true })).toHaveCount(0);
    await expect(panel.getByText(messagePattern(t.record.selfCheck.confirmedThenReported))).toBeVisible();
  },
);

test(
  "a recycled phone number: register → 手机号码已被注册 → release online → support approves → register",
  { tag: "@both" },
  async ({ page, request, browser }) => {
    test.setTimeout(240_000);
    const t = texts();
    // The number belongs to an old account (its owner changed numbers long ago).
    const number = freshPhone();
    createAccountWithPhone(number);
    // The new holder of the number tries to register with it. The support queue is found by name: a name of
    // its own for each run and project (the queue also lists the cases decided lately).
    const me = { name: freshName("孙"), idNumber: idNumber() };
    await page.goto("/register");
    await page.locator("#phone").fill(number);
    let after = new Date(Date.now() - 1000);
    const firstCodeAt = Date.now();
    await page.getByRole("button", { name: t.register.code.send }).click();
    let sms = await latestMessage(request, number, { after });
    await page.locator("#code").fill(sms.code ?? "");
    await page.locator("#password").fill("新号码新生活秋天");
    await page.locator("#confirmPassword").fill("新号码新生活秋天");
    await page.locator("#name").fill(me.name);
    await page.locator("#idNumber").fill(me.idNumber);
    await page.locator("#sensitiveConsent").check();
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await expect(page.locator("#phone-error")).toHaveText(t.register.phone.taken);
    await page.getByText(t.register.phoneTaken.support).click();
    await page.getByRole("link", { name: t.register.phoneTaken.release }).click();

    // Step 2 straight away: the registration's SMS code already proved the number.
    await expect(page.getByRole("heading", { name: t.phoneRelease.step2 })).toBeVisible();
    await page.locator("#name").fill(me.name);
    await page.locator("#idNumber").fill(me.idNumber);
    const jpg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#c08050" } })
      .jpeg()
      .toBuffer();
    await page.locator("#front").setInputFiles({ name: "front.jpg", mimeType: "image/jpeg", buffer: jpg });
    await page.locator("#back").setInputFiles({ name: "back.jpg", mimeType: "image/jpeg", buffer: jpg });
    await expect(page.getByTestId("back-note")).not.toBeEmpty();
    await page.getByRole("button", { name: t.phoneRelease.submit }).click();
    await expect(page.getByText(t.phoneRelease.submittedTitle)).toBeVisible();
    await checkA11y(page);

    // Support sees it in the queue and approves.
    const staff = await staffContext(browser);
    const support = await staff.newPage();
    await signInStaff(support, "support");
    await support.goto("/support");
    const row = support.locator("tr", { hasText: me.name });
    await expect(row).toContainText("手机号释放");
    await row.getByRole("link").first().click();
    await expect(support.getByRole("heading", { name: "手机号释放申请" })).toBeVisible();
    await expect(support.getByTestId("full-id-number")).toHaveText(me.idNumber);
    await support.getByRole("button", { name: "审核通过" }).click();
    await expect(support.getByText(/由 support 处理：审核通过/)).toBeVisible();
    await staff.close();

    // The SMS tells the number's holder (texts to mainland phones are in Chinese, whatever the page's
    // language); registering with it now works.
    const done = await latestMessage(request, number, { after: new Date(Date.now() - 60_000) });
    expect(done.body).toContain("现在可以用它实名注册");
    // a new code for the number may be asked for 60 s after the last one: wait like a person would
    await page.waitForTimeout(Math.max(0, firstCodeAt + 61_000 - Date.now()));
    await page.goto("/register");
    await page.locator("#phone").fill(number);
    after = new Date(Date.now() - 1000);
    await page.getByRole("button", { name: t.register.code.send }).click();
    sms = await latestMessage(request, number, { after });
    await page.locator("#code").fill(sms.code ?? "");
    await page.locator("#password").fill("新号码新生活秋天");
    await page.locator("#confirmPassword").fill("新号码新生活秋天");
    await page.locator("#name").fill(me.name);
    await page.locator("#idNumber").fill(me.idNumber);
    await page.locator("#sensitiveConsent").check();
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
  },
);

/** A two-character given name after `surname`, fresh for each call (a queue row is found by it). */
function freshName(surname: string): string {
  const given =
    "新立志安宁远博文浩宇嘉怡思雨欣然子涵俊杰明轩晨曦佳琪梓萱一鸣天佑诗语若溪书航雅静泽楷慧敏振华梦婷海峰丽娟建国秀兰";
  return surname + given[randomInt(0, given.length)] + given[randomInt(0, given.length)];
}

test(
  "the admission photo is reported wrong; the registrar approves with the student's photo and the record shows it",
  { tag: "@both" },
  async ({ page, request, browser }) => {
    test.setTimeout(240_000);
    const t = texts();
    const { people } = pickClassmates(1, { inOpenCampaign: true, collegeCode: "C01" });
    const [student] = people;
    await registerThroughUi(page, request, { ...student, phone: freshPhone() });
    await page.goto("/record");
    const photoBefore = await (
      await page.request.get((await page.locator("figure img").first().getAttribute("src")) ?? "")
    ).body();
    await page.getByRole("link", { name: t.record.selfCheck.report }).click();
    await page
      .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(t.record.fields.admissionPhoto)}`) })
      .check();
    await page.locator("#reason-admissionPhoto").fill("录取照片不是本人");
    const idPhoto = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#5b7fa6" } })
      .jpeg()
      .toBuffer();
    await page
      .getByLabel(t.corrections.form.evidence, { exact: true })
      .setInputFiles({ name: "本人证件照.jpg", mimeType: "image/jpeg", buffer: idPhoto });
    await page.getByRole("button", { name: t.corrections.form.submit }).click();
    await expect(page).toHaveURL(/\/record\/requests\//);
    await expect(page.getByText(t.record.photo.requested).first()).toBeVisible();

    const staff = await staffContext(browser);
    const desk = await staff.newPage();
    await signInStaff(desk, "college01");
    await desk.goto("/college/corrections");
    await desk.locator("tr", { hasText: student.studentNumber }).getByRole("link", { name: "审核" }).click();
    await desk.locator("[data-item]").getByLabel("同意", { exact: true }).check();
    await desk.getByRole("button", { name: "提交审核结果" }).click();
    await expect(desk.getByText("审核结果已保存")).toBeVisible();
    await forgetSession(staff);
    await signInStaff(desk, "registrar");
    await desk.goto("/registrar/corrections");
    await desk.locator("tr", { hasText: student.studentNumber }).getByRole("link", { name: "审核" }).click();
    await desk.locator("[data-item]").getByLabel("同意", { exact: true }).check();
    // approving without choosing the new photo is refused at the photo field
    await desk.getByRole("button", { name: "提交审核结果" }).click();
    await expect(desk.getByText("请上传新的录取照片，或从证明材料中选择一张照片")).toBeVisible();
    await desk.locator("[data-item]").getByLabel("同意", { exact: true }).check();
    await desk.getByLabel("使用证明材料：本人证件照.jpg").check();
    await desk.getByRole("button", { name: "提交审核结果" }).click();
    await expect(desk.getByText("审核结果已保存")).toBeVisible();
    await staff.close();

    await page.goto("/record");
    await expect(page.getByText(t.record.photo.after)).toBeVisible();
    const photoAfter = await (
      await page.request.get((await page.locator("figure img").first().getAttribute("src")) ?? "")
    ).body();
    expect(photoAfter.equals(photoBefore)).toBe(false);
    expect((await sharp(photoAfter).metadata()).width).toBe(300);
  },
);
