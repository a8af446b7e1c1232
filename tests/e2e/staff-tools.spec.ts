import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STUDENTS, signInStaff, signOut } from "./support/helpers";

/**
 * Staff tools of issue 12, in both projects (zh-CN at 360 px, English at 1280 px): the not-checked list's
 * masked phone with its reveal, and the reminder's confirm step (previewed, then cancelled — nothing sent).
 *
 * Data: college01 and DEMO_STUDENTS[2] (13800000003, college01), whom this spec only looks at and calls.
 */
const student = DEMO_STUDENTS[2];
const zh = () => test.info().project.name === "mobile-zh";
const say = (zhText: string, enText: string) => (zh() ? zhText : enText);

async function scrollTo(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport();
}

test(
  "a counsellor reveals a student's phone and previews a reminder before sending",
  { tag: "@both" },
  async ({ page }) => {
    await signInStaff(page, "college01");
    await page.goto(`/college?q=${student.studentNumber}`);
    const table = page.getByTestId("not-checked-table");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table).toContainText("138****0003");
    await expect(table).not.toContainText(student.phone);

    const reveal = table.getByRole("button", {
      name: say(`查看 ${student.name} 的手机号`, `Show ${student.name}'s mobile number`),
    });
    await scrollTo(page, reveal);
    await reveal.click();
    const call = table.getByRole("link", {
      name: say(`拨打 ${student.name} 的手机 ${student.phone}`, `Call ${student.name} on ${student.phone}`),
    });
    await expect(call).toHaveAttribute("href", `tel:${student.phone}`);
    await page.screenshot({ path: test.info().outputPath("phone-revealed.png"), fullPage: true });

    const remind = page.getByRole("button", { name: say("发送提醒", "Send reminder") });
    await scrollTo(page, remind);
    await remind.click();
    const preview = page.getByTestId("remind-preview");
    await scrollTo(page, preview);
    await expect(preview).toHaveText(
      say(
        "将向 1 名学生发送提醒（短信 1 条，邮件 0 封）。",
        "1 student will be reminded (1 SMS, 0 e-mails).",
      ),
    );
    await expect(page.getByTestId("remind-text")).toContainText(
      `【学籍自查】${student.name}同学：您的学籍信息尚未确认`,
    );
    const confirm = page.getByRole("button", { name: say("确认发送（1 人）", "Send to 1") });
    await scrollTo(page, confirm);
    await page.screenshot({ path: test.info().outputPath("remind-preview.png"), fullPage: true });
    await page.getByRole("button", { name: say("取消", "Cancel") }).click();
    await expect(remind).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: say("已提醒", "Reminded") })).toHaveCount(0);
  },
);

test(
  "signed out in another tab, a reveal answers in its row with the staff sign-in in a new window; nothing is shown",
  { tag: "@both" },
  async ({ page, context }) => {
    await signInStaff(page, "college01");
    await page.goto(`/college?q=${student.studentNumber}`);
    const table = page.getByTestId("not-checked-table");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    const other = await context.newPage();
    await other.goto("/college");
    await signOut(other);
    await other.close();

    const reveal = table.getByRole("button", {
      name: say(`查看 ${student.name} 的完整证件号码`, `Show the full ID number of ${student.name}`),
    });
    await scrollTo(page, reveal);
    await reveal.click();
    const answer = table.getByRole("alert");
    await scrollTo(page, answer);
    await expect(answer).toContainText(say("登录已过期，未能显示。", "Signed out: not shown."));
    const link = answer.getByRole("link", {
      name: say("在新窗口中重新登录", "Sign in again in a new window"),
    });
    await expect(link).toHaveAttribute("href", "/staff/login");
    await expect(link).toHaveAttribute("target", "_blank");
    await scrollTo(page, link);
    await expect(table).not.toContainText(student.idNumber);
    await expect(page).toHaveURL(/\/college\?q=/);
    await page.screenshot({ path: test.info().outputPath("reveal-signed-out.png") });
  },
);

test(
  "the registrar narrows the corrections to a college and downloads the summary",
  { tag: "@both" },
  async ({ page }) => {
    await signInStaff(page, "registrar");
    await page.goto("/registrar/corrections?status=all");
    const college = "计算机与信息工程学院";
    await page.getByLabel(say("分院", "College"), { exact: true }).selectOption({ label: college });
    await page.getByRole("button", { name: say("筛选", "Filter") }).click();
    await expect(page).toHaveURL(/collegeId=/);
    const xlsx = page.getByRole("link", { name: say("导出勘误汇总 Excel(XLSX)", "Export summary (XLSX)") });
    await scrollTo(page, xlsx);
    await expect(xlsx).toHaveAttribute(
      "href",
      /\/registrar\/corrections\/export\?status=all&collegeId=[^&]+&format=xlsx/,
    );
    await page.screenshot({ path: test.info().outputPath("corrections-summary.png"), fullPage: true });
    const download = page.waitForEvent("download");
    await xlsx.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^勘误汇总-更正申请-\d{12}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(["学号", "姓名", "证件号码"]);
    expect(headers).toEqual(
      expect.arrayContaining(["原信息", "申请更正为", "学院意见", "学籍管理科意见", "省级文号"]),
    );
    const collegeColumn = headers.indexOf("分院") + 1;
    for (let r = 2; r <= sheet.rowCount; r++)
      expect(String(sheet.getRow(r).getCell(collegeColumn).value)).toBe(college);

    const csv = await page.request.get(
      (await page
        .getByRole("link", { name: say("导出勘误汇总 CSV", "Export summary (CSV)") })
        .getAttribute("href"))!,
    );
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).startsWith("\uFEFF学号,姓名,证件号码")).toBe(true);
  },
);

test(
  "the admin reads the audit log in words and finds a student's entries",
  { tag: "@both" },
  async ({ browser, page }) => {
    // an entry about the student: a counsellor looks up his number
    const clerk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const clerkPage = await clerk.newPage();
    await signInStaff(clerkPage, "college01");
    await clerkPage.goto(`/college?q=${student.studentNumber}`);
    await clerkPage
      .getByRole("button", {
        name: new RegExp(`查看 ${student.name} 的手机号|Show ${student.name}'s mobile number`),
      })
      .click();
    await expect(clerkPage.getByRole("link", { name: new RegExp(student.phone) })).toBeVisible();
    await clerk.close();

    await signInStaff(page, "admin");
    await page.goto("/admin/audit");
    const search = page.getByLabel(say("学生（学号或姓名）", "Student (student number or name)"));
    await scrollTo(page, search);
    await search.fill(student.studentNumber);
    await page.getByRole("button", { name: say("筛选", "Filter") }).click();
    await expect(page).toHaveURL(new RegExp(`student=${student.studentNumber}`));
    const row = page
      .locator("tbody tr", { hasText: say("查看学生手机号", "Student's mobile number shown") })
      .first();
    await scrollTo(page, row);
    await expect(row).toContainText(student.name);
    await expect(row).toContainText(say("学号 2023*****003", "No. 2023*****003"));
    await expect(row).toContainText("phone.reveal");
    // the target column names the student with the 学号 masked
    await expect(row.locator("td").nth(3)).not.toContainText(student.studentNumber);
    await page.screenshot({ path: test.info().outputPath("audit.png"), fullPage: true });

    await search.fill("没有这个学生");
    await page.getByRole("button", { name: say("筛选", "Filter") }).click();
    await expect(page.getByText(say("没有符合条件的记录。", "No matching entries."))).toBeVisible();
  },
);

test(
  "the admin keeps the holiday calendar and support searches every case",
  { tag: "@both" },
  async ({ page }) => {
    await signInStaff(page, "admin");
    await page.goto("/admin/settings");
    const form = page.locator("form", {
      has: page.getByRole("heading", { name: say("节假日与调休", "Holidays and make-up working days") }),
    });
    const holidays = form.getByLabel(say("节假日（不上班的日期）", "Holidays (days off)"));
    const workdays = form.getByLabel(say("调休上班日", "Make-up working days (调休)"));
    await scrollTo(page, holidays);
    // a day that does not exist is refused at its field, and what was typed stays
    await holidays.fill("2031-10-01\n2031-02-30");
    await workdays.fill("2031-10-11");
    await form.getByRole("button", { name: say("保存", "Save") }).click();
    await expect(
      form.getByText(say("请每行填写一个有效日期", "Enter one valid date per line")),
    ).toBeVisible();
    await expect(holidays).toHaveValue("2031-10-01\n2031-02-30");
    await expect(holidays).toHaveAttribute("aria-invalid", "true");
    await holidays.fill("2031-10-01\n2031-10-02\n2031-10-03");
    await form.getByRole("button", { name: say("保存", "Save") }).click();
    await expect(form.getByRole("status")).toHaveText(say("已保存。", "Saved."));
    await page.reload();
    await expect(holidays).toHaveValue("2031-10-01\n2031-10-02\n2031-10-03");
    await expect(workdays).toHaveValue("2031-10-11");
    await page.screenshot({ path: test.info().outputPath("settings-calendar.png"), fullPage: true });
    await signOut(page);

    await signInStaff(page, "support");
    await page.goto("/support");
    const search = page.getByLabel(say("姓名、证件号码或手机号", "Name, ID number or phone number"));
    await scrollTo(page, search);
    await search.fill(student.idNumber);
    await page.getByLabel(say("状态", "Status"), { exact: true }).selectOption(say("审核通过", "Approved"));
    await page.getByRole("button", { name: say("查询", "Search") }).click();
    await expect(page.getByText(say("没有找到符合条件的工单。", "No case matches."))).toBeVisible();
    await expect(search).toHaveValue(student.idNumber);
    // posted, never in the address bar (nor in history or access logs)
    expect(page.url()).not.toContain(student.idNumber);
    await page.screenshot({ path: test.info().outputPath("support-search.png"), fullPage: true });
  },
);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a row's reveal button still shows that student's phone", async ({ page }) => {
    await signInStaff(page, "college01");
    await page.goto(`/college?q=${student.studentNumber}`);
    const table = page.getByTestId("not-checked-table");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    // the list says once that a reveal is logged; each button keeps its own name
    await expect(page.getByText("查看完整证件号码或手机号都会记入审计日志。")).toBeVisible();
    await table.getByRole("button", { name: `查看 ${student.name} 的手机号` }).click();
    await expect(
      page
        .getByTestId("not-checked-table")
        .getByRole("link", { name: `拨打 ${student.name} 的手机 ${student.phone}` }),
    ).toHaveAttribute("href", `tel:${student.phone}`);
  });
});
