import { randomInt } from "node:crypto";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { checkDigitFor } from "../../lib/identity/id-number";
import { captchaAnswer, checkA11y, latestMessage, signInStaff } from "./support/helpers";
import {
  createAccountWithPhone,
  freshPhone,
  pickClassmates,
  registerThroughUi,
} from "./support/identity-fixtures";

/**
 * Issue 12 items 1–9 as a student meets them: help and contacts, photos a phone can take, forms that keep
 * what was typed, truthful status, language, icons. Students register fresh (random phones and ID
 * numbers, or unclaimed roster records); no demo student is changed.
 */

const isEnglish = () => test.info().project.name === "desktop-en";

function idNumber(): string {
  const first17 = `420106${2000 + randomInt(0, 6)}0${1 + randomInt(0, 9)}1${randomInt(0, 9)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + checkDigitFor(first17);
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
    await page.goto("/");
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length ?? 0).toBeGreaterThan(20);
    expect(description).toContain(isEnglish() ? "check" : "学籍");
    // the home page's question leads to its answer
    await page
      .getByRole("link", {
        name: isEnglish() ? /ID number is "already registered"/ : "证件号码已被注册怎么办？",
      })
      .click();
    await expect(page).toHaveURL(/\/help#id-taken$/);
    await expect(page.locator("#id-taken")).toBeInViewport();
    await expect(page.locator("#id-taken")).toHaveText(
      isEnglish() ? /ID number already registered/ : /证件号码已被注册/,
    );
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
      page.getByRole("heading", { name: isEnglish() ? "Colleges" : "各学院", exact: true }),
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
    await expect(page).toHaveTitle(isEnglish() ? /Help/ : /帮助中心/);

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

test("registration keeps every field after 证件号码已被注册 and links to its answer", async ({
  page,
  request,
}) => {
  const taken = idNumber();
  const first = { name: "周子墨", idNumber: taken, phone: freshPhone() };
  await registerThroughUi(page, request, first);
  await page.context().clearCookies();

  await page.goto("/register");
  const phone = freshPhone();
  await page.locator("#phone").fill(phone);
  const after = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: "免费获取" }).click();
  const sms = await latestMessage(request, phone, { after });
  await page.locator("#code").fill(sms.code ?? "");
  await page.locator("#password").fill("我的新密码是桂花树下");
  await page.locator("#confirmPassword").fill("我的新密码是桂花树下");
  await page.locator("#name").fill("周子墨");
  await page.locator("#idNumber").fill(taken);
  await page.locator("#email").fill("zhou@example.edu.cn");
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: "立即注册" }).click();

  await expect(page.locator("#idNumber-error")).toHaveText("证件号码已被注册");
  // nothing to type again: passwords included
  await expect(page.locator("#password")).toHaveValue("我的新密码是桂花树下");
  await expect(page.locator("#confirmPassword")).toHaveValue("我的新密码是桂花树下");
  await expect(page.locator("#phone")).toHaveValue(phone);
  await expect(page.locator("#code")).toHaveValue(sms.code ?? "");
  await expect(page.locator("#email")).toHaveValue("zhou@example.edu.cn");
  await expect(page.locator("#sensitiveConsent")).toBeChecked();
  // 我要重新注册 and the pending page that lists what really works
  await page.locator("#reRegister").check();
  const help = page.getByRole("link", { name: /查看解决办法/ }).first();
  await expect(help).toHaveAttribute("href", "/help#id-taken");
  await page.getByRole("button", { name: "立即注册" }).click();
  await expect(page.getByRole("heading", { name: "注册成功，请完成身份核验" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId("pending-works")).toContainText("账号管理");
  await expect(page.getByTestId("pending-works")).toContainText("站内信");
  await page.getByRole("link", { name: "去完成身份核验" }).click();
  await expect(page.getByText("旧账号不能再登录本平台")).toBeVisible();
  await expect(page.getByText(/征兵|研招/)).toHaveCount(0);
});

test("sign-in says how many tries are left, asks for a captcha it never called wrong, and draws a new one", async ({
  page,
}) => {
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
  await expect(page.getByText(/再输错 9 次账号将被锁定|为了您的账号安全，请输入图片验证码/)).toBeVisible();
  await expect(page.getByText("图片验证码错误")).toHaveCount(0);

  // Fail until the captcha is required: it appears with a request to fill it, not an error.
  for (let i = 0; i < 4 && (await page.locator("img[data-captcha-id]").count()) === 0; i++) {
    await page.locator("input[name=password]").fill(`not-my-password-${i + 2}`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.locator("form:has(input[name=password]) [type=submit]").click(),
    ]);
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  const image = page.locator("img[data-captcha-id]");
  await expect(image).toBeVisible();
  await expect(page.getByText("图片验证码错误")).toHaveCount(0);

  // 换一张: a new picture, the typed username stays
  const before = await image.getAttribute("data-captcha-id");
  await page.getByRole("button", { name: "换一张" }).click();
  await expect(image).not.toHaveAttribute("data-captcha-id", before ?? "");
  await expect(page.locator("input[name=username]")).toHaveValue(username);
  const id = (await image.getAttribute("data-captcha-id")) ?? "";
  await page.locator("input[name=captchaAnswer]").fill(await captchaAnswer(page.request, id));
  await page.locator("input[name=password]").fill("still-not-my-password");
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await expect(page.getByText(/再输错 \d 次账号将被锁定 15 分钟/)).toBeVisible();
  await expectInView(page, "button:has-text('换一张')");
});

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

test("a 4–8 MB phone photo is shrunk in the browser to 300 KB; a refused side keeps the other", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { people } = pickClassmates(1);
  const [person] = people;
  // someone registered this ID number before; the student re-registers and must verify with photos
  await registerThroughUi(page, request, { ...person, phone: freshPhone() });
  await page.context().clearCookies();
  await registerThroughUi(page, request, { ...person, phone: freshPhone() }, { reRegister: true });
  await page.goto("/identity/photos");
  await expect(page.getByRole("heading", { name: "照片样例" })).toBeVisible();
  await expectInView(page, 'img[src="/samples/id-photo-front-good.svg"]');
  await expectInView(page, 'img[src="/samples/id-photo-back-bad.svg"]');

  const big = await phonePhoto();
  expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
  expect(big.length).toBeLessThan(8 * 1024 * 1024);
  await page.locator("#front").setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: big });
  await expect(page.getByTestId("front-note")).toContainText("已在本机压缩", { timeout: 30_000 });
  await expect(page.getByTestId("front-preview")).toBeVisible();
  const frontSize = () => page.locator("#front").evaluate((el: HTMLInputElement) => el.files?.[0]?.size ?? 0);
  const kept = await frontSize();
  expect(kept).toBeGreaterThan(10 * 1024);
  expect(kept).toBeLessThanOrEqual(300 * 1024);

  // Not a picture at all (a PDF named .jpg): the browser says so at once and sends nothing.
  await page.locator("#back").setInputFiles({
    name: "back.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("%PDF-1.4 not an image"),
  });
  await expect(page.locator("#back-error")).toContainText("无法读取这张图片");

  // A small file the browser keeps as it is but the server refuses (30 megapixels: the pixel-flood guard).
  const flood = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: "#3366aa" } })
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer();
  expect(flood.length).toBeLessThan(300 * 1024);
  await page.locator("#back").setInputFiles({ name: "back.png", mimeType: "image/png", buffer: flood });
  await expect(page.getByTestId("back-note")).toContainText("无需压缩", { timeout: 30_000 });

  // The upload carries only small files: never the 5 MB original.
  const uploads: number[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/identity/photos"))
      uploads.push(r.postDataBuffer()?.length ?? 0);
  });
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.locator("#back-error")).toContainText("图片无法识别");
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
  await expect(page.getByTestId("back-note")).toContainText("无需压缩");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText(/照片已提交/)).toBeVisible({ timeout: 30_000 });
  await expectInView(page, "#photo-log");
});

test("confirmed, then reported: the page shows the report's status, not 已完成自查; contacts beside the record", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { people } = pickClassmates(1, { inOpenCampaign: true });
  await registerThroughUi(page, request, { ...people[0], phone: freshPhone() });
  await page.goto("/record");
  await page.getByRole("button", { name: "确认无误" }).click();
  await expect(page.getByText("已完成自查").first()).toBeVisible();
  // who to ask, on the record page
  await expectInView(page, "#contact-card-title");
  await expect(page.getByText(/您的学院：/)).toBeVisible();

  await page.getByRole("link", { name: "信息有误" }).click();
  // the record page has the same card: wait for the report page before looking for it
  await expect(page).toHaveURL(/\/record\/report/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("申请更正");
  await expectInView(page, "#contact-card-title");
  const block = page.locator("li", { has: page.getByRole("checkbox", { name: /^系（所、函授站）/ }) });
  await block.getByRole("checkbox").check();
  await block.getByLabel("正确信息").fill("人工智能与数据科学系");
  await block.getByLabel("理由").fill("录取通知书上为人工智能与数据科学系");
  const notice = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#e8e0c8" } })
    .png()
    .toBuffer();
  await page
    .getByLabel("证明材料", { exact: true })
    .setInputFiles({ name: "录取通知书.png", mimeType: "image/png", buffer: notice });
  await page.getByRole("button", { name: "提交更正申请" }).click();
  await expect(page).toHaveURL(/\/record\/requests\//);

  await page.goto("/record");
  const panel = page.locator('[aria-labelledby="self-check-title"]');
  await expect(panel.getByText(/^已报错：待学院审核$/)).toBeVisible();
  await expect(panel.getByText("已完成自查", { exact: true })).toHaveCount(0);
  await expect(panel.getByText(/之后报告了错误/)).toBeVisible();
});

test("a recycled phone number: register → 手机号码已被注册 → release online → support approves → register", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(240_000);
  // The number belongs to an old account (its owner changed numbers long ago).
  const number = freshPhone();
  createAccountWithPhone(number);
  // The new holder of the number tries to register with it.
  const me = { name: "孙新主", idNumber: idNumber() };
  await page.goto("/register");
  await page.locator("#phone").fill(number);
  let after = new Date(Date.now() - 1000);
  const firstCodeAt = Date.now();
  await page.getByRole("button", { name: "免费获取" }).click();
  let sms = await latestMessage(request, number, { after });
  await page.locator("#code").fill(sms.code ?? "");
  await page.locator("#password").fill("新号码新生活秋天");
  await page.locator("#confirmPassword").fill("新号码新生活秋天");
  await page.locator("#name").fill(me.name);
  await page.locator("#idNumber").fill(me.idNumber);
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: "立即注册" }).click();
  await expect(page.locator("#phone-error")).toHaveText("手机号码已被注册！");
  await page.getByText("找客服协助审核").click();
  await page.getByRole("link", { name: /在线申请释放该手机号/ }).click();

  // Step 2 straight away: the registration's SMS code already proved the number.
  await expect(page.getByRole("heading", { name: "第二步：填写身份信息并上传照片" })).toBeVisible();
  await page.locator("#name").fill(me.name);
  await page.locator("#idNumber").fill(me.idNumber);
  const jpg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#c08050" } })
    .jpeg()
    .toBuffer();
  await page.locator("#front").setInputFiles({ name: "front.jpg", mimeType: "image/jpeg", buffer: jpg });
  await page.locator("#back").setInputFiles({ name: "back.jpg", mimeType: "image/jpeg", buffer: jpg });
  await expect(page.getByTestId("back-note")).not.toBeEmpty();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText(/申请已提交/)).toBeVisible();
  await checkA11y(page);

  // Support sees it in the queue and approves.
  const staff = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
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

  // The SMS tells the number's holder; registering with it now works.
  const done = await latestMessage(request, number, { after: new Date(Date.now() - 60_000) });
  expect(done.body).toContain("现在可以用它实名注册");
  // a new code for the number may be asked for 60 s after the last one: wait like a person would
  await page.waitForTimeout(Math.max(0, firstCodeAt + 61_000 - Date.now()));
  await page.goto("/register");
  await page.locator("#phone").fill(number);
  after = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: "免费获取" }).click();
  sms = await latestMessage(request, number, { after });
  await page.locator("#code").fill(sms.code ?? "");
  await page.locator("#password").fill("新号码新生活秋天");
  await page.locator("#confirmPassword").fill("新号码新生活秋天");
  await page.locator("#name").fill(me.name);
  await page.locator("#idNumber").fill(me.idNumber);
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: "立即注册" }).click();
  await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
});

test("the admission photo is reported wrong; the registrar approves with the student's photo and the record shows it", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(240_000);
  const { people } = pickClassmates(1, { inOpenCampaign: true, collegeCode: "C01" });
  const [student] = people;
  await registerThroughUi(page, request, { ...student, phone: freshPhone() });
  await page.goto("/record");
  const photoBefore = await (
    await page.request.get((await page.locator("figure img").first().getAttribute("src")) ?? "")
  ).body();
  await page.getByRole("link", { name: "信息有误" }).click();
  await page.getByRole("checkbox", { name: /^录取照片/ }).check();
  await page.locator("#reason-admissionPhoto").fill("录取照片不是本人");
  const idPhoto = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#5b7fa6" } })
    .jpeg()
    .toBuffer();
  await page
    .getByLabel("证明材料", { exact: true })
    .setInputFiles({ name: "本人证件照.jpg", mimeType: "image/jpeg", buffer: idPhoto });
  await page.getByRole("button", { name: "提交更正申请" }).click();
  await expect(page).toHaveURL(/\/record\/requests\//);
  await expect(page.getByText("见证明材料中的照片").first()).toBeVisible();

  const staff = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const desk = await staff.newPage();
  await signInStaff(desk, "college01");
  await desk.goto("/college/corrections");
  await desk.locator("tr", { hasText: student.name }).getByRole("link", { name: "审核" }).click();
  await desk.locator("[data-item]").getByLabel("同意", { exact: true }).check();
  await desk.getByRole("button", { name: "提交审核结果" }).click();
  await expect(desk.getByText("审核结果已保存")).toBeVisible();
  await staff.clearCookies();
  await signInStaff(desk, "registrar");
  await desk.goto("/registrar/corrections");
  await desk.locator("tr", { hasText: student.name }).getByRole("link", { name: "审核" }).click();
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
  await expect(page.getByText("新录取照片")).toBeVisible();
  const photoAfter = await (
    await page.request.get((await page.locator("figure img").first().getAttribute("src")) ?? "")
  ).body();
  expect(photoAfter.equals(photoBefore)).toBe(false);
  expect((await sharp(photoAfter).metadata()).width).toBe(300);
});
