import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { checkA11y, DEMO_STUDENTS, signInStaff, signInStudent } from "./support/helpers";

/**
 * SPEC §4: the self-check and the correction workflow, end to end.
 *
 * Demo students used (nobody else changes them):
 *   DEMO_STUDENTS[0] 13800000001 — confirms 确认无误.
 *   DEMO_STUDENTS[1] 13800000002 — reports two wrong fields; college01 and the registrar approve. (The a11y
 *     and roles specs only sign this student in and look.)
 *   DEMO_STUDENTS[4] 13800000005 — a 2019 graduate, record already 学历注册: the request goes the provincial route.
 *   DEMO_STUDENTS[2] 13800000003 — only looked at, in English.
 * All five are in 计算机2301班 of college C01, whose secretary is college01.
 *
 * The flows change the shared database, so a failed attempt is not retried on top of its own leftovers.
 */
test.describe.configure({ mode: "serial", retries: 0 });

const [FIRST, SECOND, THIRD, , LOCKED] = DEMO_STUDENTS;

/** A small PNG made here, as a phone photo of a document would be. */
async function evidencePng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#e8e0c8" } })
    .png()
    .toBuffer();
}

/** A desktop-sized, Chinese-language staff session next to the student's phone-sized one. */
async function staffPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await signInStaff(page, username);
  return page;
}

/** Fills one "此项有误" block of the report form. */
async function reportField(page: Page, label: string, value: string, reason: string) {
  const block = page.locator("li", {
    has: page.getByRole("checkbox", { name: new RegExp(`^${escape(label)}`) }),
  });
  await block.getByRole("checkbox").check();
  const input = block.getByLabel("正确信息");
  await expect(input).toBeVisible();
  await input.fill(value);
  await block.getByLabel("理由").fill(reason);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The college or registrar accepts every listed item of the request of `studentName`. */
async function acceptAll(
  page: Page,
  queuePath: string,
  studentName: string,
  acceptLabel = "同意",
  provincialRef?: string,
) {
  await page.goto(queuePath);
  const row = page.locator("tr", { hasText: studentName });
  await expect(row).toBeVisible();
  await checkA11y(page);
  await row.getByRole("link", { name: "审核" }).click();
  await expect(page).toHaveURL(new RegExp(`${queuePath}/`));
  await checkA11y(page);
  const items = page.locator("[data-item]");
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await items.nth(i).getByLabel(acceptLabel, { exact: true }).check();
  if (provincialRef) {
    // the province's decision is recorded with its 文号: refused at the field without it
    await page.getByRole("button", { name: "提交审核结果" }).click();
    await expect(page.getByText("请填写省级文号")).toBeVisible();
    await page.getByLabel("省级文号").fill(provincialRef);
  }
  await page.getByRole("button", { name: "提交审核结果" }).click();
  await expect(page).toHaveURL(new RegExp(`${queuePath}\\?decided=`));
  await expect(page.getByText("审核结果已保存")).toBeVisible();
}

async function inboxTexts(page: Page): Promise<string> {
  await page.goto("/inbox");
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

/** The 已确认 figure on the college dashboard (the current campaign, college01's college). */
async function collegeConfirmedCount(college: Page): Promise<number> {
  await college.goto("/college");
  const card = college.locator("dl > div", { has: college.locator("dt", { hasText: /^已确认$/ }) }).first();
  return Number((await card.locator("dd").first().innerText()).replace(/[^\d]/g, ""));
}

test("确认无误 records the check at once; the page then says 已完成自查 with the time", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const college = await staffPage(browser, "college01");
  const before = await collegeConfirmedCount(college);

  await signInStudent(page, FIRST.phone);
  await page.goto("/record");
  await expect(page.getByRole("heading", { name: "个人信息" })).toBeVisible();
  await expect(page.locator('[data-field="name"] dd')).toHaveText(FIRST.name);
  await expect(page.locator('[data-field="studentNumber"] dd')).toHaveText(FIRST.studentNumber);
  await expect(page.locator('[data-field="status"] dd')).toContainText("在籍");
  await expect(page.getByRole("img", { name: `${FIRST.name}的录取照片` })).toBeVisible();
  await checkA11y(page);

  await page.getByRole("button", { name: "确认无误" }).click();
  await expect(page.getByText("已完成自查").first()).toBeVisible();
  await expect(page.getByText(/您已于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 确认学籍信息无误/)).toBeVisible();

  // It is stored on the server: a fresh load still says so and offers no second confirmation.
  await page.reload();
  await expect(page.getByText(/您已于 .* 确认学籍信息无误/)).toBeVisible();
  await expect(page.getByRole("button", { name: "确认无误" })).toHaveCount(0);

  // The college's progress counts the confirmation.
  expect(await collegeConfirmedCount(college)).toBe(before + 1);
  await college.context().close();
});

test("the admission photo is private: owner yes (no-store), another student 404", async ({
  page,
  browser,
}) => {
  await signInStudent(page, SECOND.phone);
  await page.goto("/record");
  const src = await page.getByRole("img", { name: `${SECOND.name}的录取照片` }).getAttribute("src");
  expect(src).toMatch(/^\/files\/admission\//);
  const own = await page.request.get(src!);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("image/jpeg");
  expect(own.headers()["cache-control"]).toContain("no-store");

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInStudent(otherPage, FIRST.phone);
  expect((await otherPage.request.get(src!)).status()).toBe(404);
  await other.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(src!, page.url()).toString())).status()).toBe(404);
  await anonymous.close();
});

test("信息有误 → college01 confirms → registrar approves → new values, history, every step in the inbox", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000); // three people, six pages, axe on each
  await signInStudent(page, SECOND.phone);
  await page.goto("/record");
  await page.getByRole("link", { name: "信息有误" }).click();
  await expect(page).toHaveURL(/\/record\/report/);
  await expect(page.getByText("学籍信息原则上以高考录取信息为准。")).toBeVisible();

  await reportField(page, "系（所、函授站）", "软件工程系", "录取通知书上为软件工程系");
  await reportField(page, "预计毕业日期", "2027-07-01", "学校通知的毕业时间");
  await page.getByLabel("证明材料", { exact: true }).setInputFiles({
    name: "录取通知书.png",
    mimeType: "image/png",
    buffer: await evidencePng(),
  });
  await checkA11y(page);
  await page.getByRole("button", { name: "提交更正申请" }).click();

  await expect(page).toHaveURL(/\/record\/requests\/[^/?]+\?submitted=1/, { timeout: 30_000 });
  await expect(page.getByText("更正申请已提交")).toBeVisible();
  await expect(page.getByText("待学院审核").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /录取通知书\.png/ })).toBeVisible();
  await checkA11y(page);
  const requestUrl = page.url();

  const college = await staffPage(browser, "college01");
  await acceptAll(college, "/college/corrections", SECOND.name);
  await college.context().close();

  await page.goto(requestUrl);
  await expect(page.getByText("待学籍管理科审核").first()).toBeVisible();

  const registrar = await staffPage(browser, "registrar");
  await acceptAll(registrar, "/registrar/corrections", SECOND.name);
  await registrar.context().close();

  await page.goto("/record");
  await expect(page.locator('[data-field="department"] dd')).toHaveText("软件工程系");
  await expect(page.locator('[data-field="expectedGraduationOn"] dd')).toHaveText("2027-07-01");
  const history = page.getByRole("region", { name: "更改前的信息" });
  await expect(history).toContainText("计算机科学系");
  await expect(history).toContainText("2027-06-30");
  await expect(page.getByText("已通过并更正").first()).toBeVisible();
  await checkA11y(page);

  const inbox = await inboxTexts(page);
  expect(inbox).toContain("更正申请（共 2 项）已提交");
  expect(inbox).toContain("学院已审核您的更正申请：同意 2 项");
  expect(inbox).toContain("学籍管理科已批准您的更正申请");
});

test("a graduation-registered record: the request goes the provincial route", async ({ page, browser }) => {
  test.setTimeout(360_000);
  await signInStudent(page, LOCKED.phone);
  await page.goto("/record");
  await expect(page.getByText("该学籍已完成学历注册")).toBeVisible();
  await page.getByRole("link", { name: "信息有误" }).click();
  await expect(page.getByText("更正申请须经省级教育行政部门审核")).toBeVisible();
  await reportField(page, "系（所、函授站）", "软件工程系", "转入软件工程系后未更新");
  await page
    .getByLabel("证明材料", { exact: true })
    .setInputFiles({ name: "证明.png", mimeType: "image/png", buffer: await evidencePng() });
  await page.getByRole("button", { name: "提交更正申请" }).click();
  await expect(page).toHaveURL(/\/record\/requests\//);
  await expect(page.getByText("需省级教育行政部门审核")).toBeVisible();

  const college = await staffPage(browser, "college01");
  await acceptAll(college, "/college/corrections", LOCKED.name);
  await college.context().close();

  const registrar = await staffPage(browser, "registrar");
  await registrar.goto("/registrar/corrections");
  await expect(registrar.locator("tr", { hasText: LOCKED.name })).toContainText("待省级审核");
  await acceptAll(registrar, "/registrar/corrections", LOCKED.name, "省级通过", "鄂教学〔2026〕12号");
  // 勘误汇总: the decision's row carries the 文号
  await registrar.goto("/registrar/corrections?status=provincial_approved");
  const download = registrar.waitForEvent("download");
  await registrar.getByRole("link", { name: "导出勘误汇总 Excel(XLSX)" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const mine = sheet
    .getRows(2, sheet.rowCount - 1)
    ?.find((r) => String(r.getCell(headers.indexOf("姓名")).value) === LOCKED.name);
  expect(String(mine?.getCell(headers.indexOf("省级文号")).value)).toBe("鄂教学〔2026〕12号");
  expect(String(mine?.getCell(headers.indexOf("申请更正为")).value)).toBe("软件工程系");
  await registrar.context().close();

  await page.goto("/record");
  await expect(page.locator('[data-field="department"] dd')).toHaveText("软件工程系");
  await expect(page.getByText("省级审核通过并更正").first()).toBeVisible();
  await page.getByRole("link", { name: "查看详情" }).first().click();
  await expect(page.getByText("省级文号：鄂教学〔2026〕12号")).toBeVisible();
  await page.goto("/record");
  const inbox = await inboxTexts(page);
  expect(inbox).toContain("经学院确认后将报省级教育行政部门审核");
  expect(inbox).toContain("将报省级教育行政部门审核");
  expect(inbox).toContain("省级教育行政部门已审核通过您的更正申请");
});

test("the record page reads in English at desktop size", { tag: "@en" }, async ({ page }) => {
  await signInStudent(page, THIRD.phone);
  await page.goto("/record");
  await expect(page.getByRole("heading", { name: "My record" })).toBeVisible();
  await expect(page.locator('[data-field="name"] dd')).toHaveText(THIRD.name);
  await expect(page.getByRole("button", { name: "Everything is correct" })).toBeVisible();
  await checkA11y(page);
});
