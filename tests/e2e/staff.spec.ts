import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { checkDigitFor } from "../../lib/identity/id-number";
import { ROSTER_HEADERS } from "../../lib/roster-import/columns";
import { checkA11y, DEMO_STUDENTS, signInStaff, signInStudent, signOut } from "./support/helpers";

/**
 * The staff side at scale (SPEC §5, §6): the registrar imports a roster (template, per-row report, preview
 * of the class groups it creates, idempotent re-import); college01 sees only its college, filters the
 * not-checked list, exports it and reminds a student, who finds the notice in the inbox.
 *
 * Demo student used: DEMO_STUDENTS[3] (13800000004, 王𠮷祥, college01) — reminded, then reports an error
 * (so the list shows 已报错 and a second reminder leaves him out); no other spec uses it. The import creates its own college ("E2E导入学院…") with fresh 学号 and ID numbers.
 */
test.use({ viewport: { width: 1280, height: 900 } });
// Two imports (preview + commit each) and several page loads per test: more than the default minute on a
// busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

const stamp = `${Date.now() % 1_000_000}${randomInt(100, 999)}`;
const college = `E2E导入学院${stamp}`;

function idNumber(birth: string, male: boolean): string {
  const seq = String(randomInt(0, 50) * 2 + (male ? 1 : 0)).padStart(2, "0");
  const first17 = `420106${birth.replaceAll("-", "")}${randomInt(0, 10)}${seq}`;
  return first17 + checkDigitFor(first17);
}

function row(n: number, over: Record<string, string> = {}): Record<string, string> {
  const birth = `2005-05-${String(10 + n).padStart(2, "0")}`;
  return {
    姓名: `导入学生${"甲乙丙丁戊己庚辛"[n]}`,
    性别: "男",
    出生日期: birth,
    民族: "汉族",
    证件类型: "居民身份证",
    证件号码: idNumber(birth, true),
    层次: "本科",
    专业: "E2E专业",
    学制: "4",
    学历类别: "普通",
    学习形式: "普通全日制",
    分院: college,
    "系(所、函授站)": "E2E系",
    班级: `E2E${stamp}班`,
    学号: `E2E${stamp}${n}`,
    入学日期: "2023-09-01",
    预计毕业日期: "2027-06-30",
    学籍状态: "在籍(注册学籍)",
    ...over,
  };
}

function rosterCsv(): Buffer {
  const good = [row(0), row(1)];
  const badCheck = row(2);
  badCheck["证件号码"] = badCheck["证件号码"].slice(0, 17) + (badCheck["证件号码"][17] === "1" ? "2" : "1");
  const badBirth = row(3, { 出生日期: "2005-01-01" });
  const badGender = row(4, { 性别: "女" });
  const duplicate = row(5, { 学号: good[0]["学号"] });
  const badDate = row(6, { 入学日期: "2023年9月1日" });
  const noName = row(7, { 姓名: "" });
  const lines = [
    ROSTER_HEADERS.join(","),
    ...[...good, badCheck, badBirth, badGender, duplicate, badDate, noName].map((r) =>
      ROSTER_HEADERS.map((h) => r[h]).join(","),
    ),
  ];
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n");
}

async function uploadAndPreview(page: Page, file: Buffer) {
  await page.goto("/registrar/import");
  await page
    .locator("input[name=file]")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page).toHaveURL(/\/registrar\/import\/c[a-z0-9]+$/);
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
}

const count = (page: Page, key: string) => page.locator(`[data-count=${key}] dd`);

test("the registrar imports a roster: template, per-row report, preview, idempotent re-import", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  await page.goto("/registrar/import");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "模板（XLSX）" }).click();
  const template = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await template.path());
  expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...ROSTER_HEADERS]);

  const file = rosterCsv();
  await uploadAndPreview(page, file);
  await expect(count(page, "new")).toHaveText("2");
  await expect(count(page, "errors")).toHaveText("6");
  await checkA11y(page);
  await page.screenshot({ path: test.info().outputPath("import-preview.png"), fullPage: true });
  await expect(page.getByTestId("units-to-create")).toContainText(`E2E${stamp}班`);
  await expect(page.getByTestId("units-to-create")).toContainText(college);
  const issues = page.getByTestId("issues-table");
  for (const text of [
    "校验位不正确",
    "出生日期与证件号码不一致",
    "性别与证件号码不一致",
    "学号在文件中重复（与第 2 行相同）",
    "日期格式有误",
    "姓名不能为空！",
  ])
    await expect(issues).toContainText(text);
  const report = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载逐行错误报告（CSV）" }).click();
  const reportText = await readFile(await (await report).path(), "utf8");
  expect(reportText.trim().split(/\r?\n/)).toHaveLength(7);

  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 30_000 });
  await expect(count(page, "new")).toHaveText("2");

  await uploadAndPreview(page, file);
  await expect(count(page, "new")).toHaveText("0");
  await expect(count(page, "unchanged")).toHaveText("2");
  await expect(count(page, "changed")).toHaveText("0");
  await expect(page.getByText("文件中的分院、专业和班级均已存在。")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 30_000 });
  await expect(count(page, "unchanged")).toHaveText("2");
  await expect(count(page, "new")).toHaveText("0");
});

/** A roster as Excel saves it: shared strings, dates as date-formatted numbers, 学号 as text. */
async function rosterXlsx(rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学籍名单");
  sheet.addRow([...ROSTER_HEADERS]);
  for (const r of rows) {
    const added = sheet.addRow(
      ROSTER_HEADERS.map((h) => (h.endsWith("日期") ? new Date(`${r[h]}T00:00:00Z`) : r[h])),
    );
    ROSTER_HEADERS.forEach((h, i) => {
      if (h.endsWith("日期")) added.getCell(i + 1).numFmt = "yyyy/m/d";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the registrar imports an XLSX roster as Excel saves it; a file whose name lies is refused and changes nothing", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  const rows = [
    row(2, { 学号: `E2E${stamp}X1` }),
    row(3, { 学号: `E2E${stamp}X2` }),
    row(4, { 学号: `E2E${stamp}X3`, 性别: "女" }),
  ];
  await page.goto("/registrar/import");
  await page.locator("input[name=file]").setInputFiles({
    name: "学籍名单.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await rosterXlsx(rows),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page).toHaveURL(/\/registrar\/import\/c[a-z0-9]+$/);
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
  await expect(count(page, "new")).toHaveText("2");
  await expect(count(page, "errors")).toHaveText("1");
  await expect(page.getByTestId("issues-table")).toContainText("性别与证件号码不一致");
  for (const width of [360, 1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const confirm = page.getByRole("button", { name: "确认导入" });
    await confirm.scrollIntoViewIfNeeded();
    await expect(confirm).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`import-xlsx-${width}.png`), fullPage: true });
  }
  const previewUrl = page.url();

  // CSV bytes under an .xlsx name: refused at the upload, no job, the preview above untouched
  await page.goto("/registrar/import");
  await page.locator("input[name=file]").setInputFiles({
    name: "名单.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(ROSTER_HEADERS.join(",") + "\r\n"),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByText("文件不是有效的 XLSX 工作簿")).toBeVisible();
  await expect(page).toHaveURL(/\/registrar\/import$/);
  await page.screenshot({ path: test.info().outputPath("import-xlsx-refused.png"), fullPage: true });
  await page.goto(previewUrl);
  await expect(count(page, "new")).toHaveText("2");
});

test("college01 sees only its college, filters the not-checked list, exports it and reminds a student", async ({
  page,
}) => {
  const student = DEMO_STUDENTS[3];
  await signInStaff(page, "college01");
  await page.goto("/college");
  await expect(page.getByText("可查看的分院：计算机与信息工程学院")).toBeVisible();
  await expect(page.getByRole("heading", { name: "未查名单" })).toBeVisible();
  await expect(page.locator("#collegeId")).toHaveCount(0);
  const table = page.getByTestId("not-checked-table");
  await expect(table).not.toContainText("电子与电气工程学院");
  await checkA11y(page);
  await page.screenshot({ path: test.info().outputPath("college.png"), fullPage: true });

  await page.getByLabel("搜索").fill(student.studentNumber);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${student.studentNumber}`));
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText(student.name);
  await expect(table).toContainText("4**************");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel(XLSX)" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe("学号");
  expect(sheet.rowCount).toBe(2);
  expect(String(sheet.getRow(2).getCell(1).value)).toBe(student.studentNumber);
  expect(String(sheet.getRow(2).getCell(2).value)).toBe(student.name);

  // his phone, masked until revealed on purpose
  await expect(table).toContainText("138****0004");
  await expect(table).not.toContainText(student.phone);
  await table.getByRole("button", { name: `查看 ${student.name} 的手机号` }).click();
  await expect(
    table.getByRole("link", { name: `拨打 ${student.name} 的手机 ${student.phone}` }),
  ).toBeVisible();

  // 发送提醒 asks first: how many, and the text
  await page.getByRole("button", { name: "发送提醒" }).click();
  await expect(page.getByTestId("remind-preview")).toHaveText(
    "将向 1 名学生发送提醒（短信 1 条，邮件 0 封）。",
  );
  await expect(page.getByTestId("remind-text")).toContainText(`【学籍自查】${student.name}同学：`);
  await page.getByRole("button", { name: "确认发送（1 人）" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已提醒" })).toContainText("已提醒 1 人");
  await signOut(page);

  await signInStaff(page, "registrar");
  await page.goto("/registrar");
  await expect(page.getByRole("heading", { name: "核查率趋势" })).toBeVisible();
  await checkA11y(page);
  await page.screenshot({ path: test.info().outputPath("registrar.png"), fullPage: true });
  await signOut(page);

  await signInStudent(page, student.phone);
  await page.goto("/inbox");
  await expect(page.getByText("您的学籍信息尚未确认").first()).toBeVisible();

  // he answers by reporting an error: the list shows 已报错 and nobody chases him any more
  await page.goto("/record/report");
  const block = page.locator("li", { has: page.getByRole("checkbox", { name: /^系（所、函授站）/ }) });
  await block.getByRole("checkbox").check();
  await block.getByLabel("正确信息").fill("软件工程系");
  await block.getByLabel("理由").fill("转入软件工程系后未更新");
  await page.getByLabel("证明材料", { exact: true }).setInputFiles({
    name: "证明.png",
    mimeType: "image/png",
    buffer: await sharp({ create: { width: 64, height: 48, channels: 3, background: "#e8e0c8" } })
      .png()
      .toBuffer(),
  });
  await page.getByRole("button", { name: "提交更正申请" }).click();
  await expect(page).toHaveURL(/\/record\/requests\//, { timeout: 30_000 });
  await signOut(page);

  await signInStaff(page, "college01");
  await page.goto(`/college?q=${student.studentNumber}`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("已报错");
  await page.getByRole("button", { name: "发送提醒" }).click();
  await expect(page.getByTestId("remind-preview")).toHaveText("没有需要提醒的学生。");
  await expect(page.getByText("不会收到提醒：已报错 1 人")).toBeVisible();
  await expect(page.getByRole("button", { name: /确认发送/ })).toHaveCount(0);
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("button", { name: "发送提醒" })).toBeVisible();
});
