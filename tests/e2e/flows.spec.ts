import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { checkA11y, DEMO_STUDENTS, signInStaff, signInStudent } from "./support/helpers";
import { e2eDatabaseUrl } from "./support/identity-fixtures";

/**
 * Flows a student and two reviewers could not finish (issue 10): a correction sent without a file, the
 * decision controls of the review page at every width, and a 班级 no one has created yet, from the
 * request to the registrar creating it with the approval.
 *
 * Demo student used: DEMO_STUDENTS[3] (13800000004, 王𠮷祥, C01 计算机2301班) — asks to move to 软件工程 and
 * (an item as a request filed before units were chosen from the organisation could hold) to 计算机2399班;
 * college01 and the registrar approve. staff.spec only reminds this student and signs in; it stays
 * unconfirmed and in C01.
 */
test.describe.configure({ mode: "serial", retries: 0 });

const STUDENT = DEMO_STUDENTS[3];
const NEW_MAJOR = "软件工程";
const NEW_CLASS = "计算机2399班";
const ROOT = path.resolve(__dirname, "../..");

function correctionsDb(...args: string[]): void {
  execFileSync("npx", ["tsx", "tests/e2e/support/corrections-db.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
}

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

async function openReview(page: Page, queuePath: string): Promise<void> {
  await page.goto(queuePath);
  await page.locator("tr", { hasText: STUDENT.name }).getByRole("link", { name: "审核" }).click();
  await expect(page).toHaveURL(new RegExp(`${queuePath}/[^?]+`));
}

/** How far the page itself scrolls sideways (0 = nothing sticks out). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * At 360, 1024 and 1280 px every item's 同意 / 不同意 (or the province's labels) and the error beside them
 * can be scrolled into view, and the page never scrolls sideways.
 */
async function decisionsReachable(page: Page, labels: [string, string], withErrors: boolean) {
  for (const width of [360, 1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const items = page.locator("[data-item]");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const targets: Locator[] = labels.map((label) => items.nth(i).getByLabel(label, { exact: true }));
      if (withErrors) targets.push(items.nth(i).getByText("请选择同意或不同意"));
      for (const target of targets) {
        await target.scrollIntoViewIfNeeded();
        await expect(target, `${width}px item ${i + 1}`).toBeInViewport();
      }
    }
    expect(await horizontalOverflow(page), `${width}px page overflow`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a correction needs no file: 专业 chosen from the organisation, no evidence, sent", async ({ page }) => {
  test.setTimeout(120_000);
  await signInStudent(page, STUDENT.phone);
  await page.goto("/record");
  await page.getByRole("link", { name: "信息有误" }).click();
  await expect(page).toHaveURL(/\/record\/report/);

  // 分院 / 专业 / 班级 are chosen from the organisation, not typed
  const classBlock = page.locator("li", { has: page.getByRole("checkbox", { name: /^班级/ }) });
  await classBlock.getByRole("checkbox").check();
  const classPicker = classBlock.getByLabel("正确信息");
  await expect(classPicker).toHaveJSProperty("tagName", "SELECT");
  await expect(classPicker.locator("option", { hasText: "计算机2301班" })).toHaveCount(1);
  await expect(classPicker.locator("option", { hasText: NEW_CLASS })).toHaveCount(0);
  await classBlock.getByRole("checkbox").uncheck();

  const block = page.locator("li", { has: page.getByRole("checkbox", { name: /^专业/ }) });
  await block.getByRole("checkbox").check();
  await block.getByLabel("正确信息").selectOption(NEW_MAJOR);
  await block.getByLabel("理由").fill("已转入软件工程专业");
  // the file input is left as the browser has it: an empty slot
  await expect(page.getByLabel("证明材料", { exact: true })).toHaveValue("");
  await checkA11y(page);
  await page.getByRole("button", { name: "提交更正申请" }).click();

  await expect(page).toHaveURL(/\/record\/requests\/[^/?]+\?submitted=1/, { timeout: 30_000 });
  await expect(page.getByText("更正申请已提交")).toBeVisible();
  await expect(page.getByText(NEW_MAJOR).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("undefined");
  await expect(page.locator("main")).not.toContainText("空文件");
});

test("review at 360/1024/1280 px; a 班级 no one has: flagged to both, bulk says why, the registrar creates it", async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  correctionsDb("add-item", STUDENT.phone, "classGroup", NEW_CLASS);

  const college = await staffPage(browser, "college01");
  await openReview(college, "/college/corrections");
  const classItem = college.locator("[data-item='班级']");
  await expect(classItem).toContainText(`该分院没有班级“${NEW_CLASS}”`);
  await expect(classItem).toContainText("学籍管理科终审时可在组织架构中创建");
  // sending without a decision puts the error beside each item's controls
  await college.getByRole("button", { name: "提交审核结果" }).click();
  await expect(college.getByText("请选择同意或不同意").first()).toBeVisible();
  await decisionsReachable(college, ["同意", "不同意"], true);
  await checkA11y(college);
  const items = college.locator("[data-item]");
  for (let i = 0; i < (await items.count()); i++)
    await items.nth(i).getByLabel("同意", { exact: true }).check();
  await college.getByRole("button", { name: "提交审核结果" }).click();
  await expect(college).toHaveURL(/\/college\/corrections\?decided=/);
  await college.context().close();

  const registrar = await staffPage(browser, "registrar");
  // bulk approval cannot place the student in a class that does not exist, and says so in words
  await registrar.goto("/registrar/corrections");
  await registrar
    .getByRole("checkbox", { name: new RegExp(`${STUDENT.name} ${STUDENT.studentNumber}`) })
    .check();
  await registrar.getByRole("button", { name: "批量批准所选" }).click();
  const outcome = registrar.getByText(/跳过 1 条/).locator("..");
  await expect(outcome).toContainText(`该分院下没有名为“${NEW_CLASS}”的班级`);
  await expect(registrar.locator("main")).not.toContainText("corrections.errors");

  await openReview(registrar, "/registrar/corrections");
  const item = registrar.locator("[data-item='班级']");
  await expect(item).toContainText(`该分院没有班级“${NEW_CLASS}”`);
  await decisionsReachable(registrar, ["同意", "不同意"], false);
  await checkA11y(registrar);
  const all = registrar.locator("[data-item]");
  for (let i = 0; i < (await all.count()); i++) await all.nth(i).getByLabel("同意", { exact: true }).check();
  // approving without creating the class is refused, nothing changes
  await registrar.getByRole("button", { name: "提交审核结果" }).click();
  await expect(registrar.getByText(`该分院下没有名为“${NEW_CLASS}”的班级`)).toBeVisible();
  for (let i = 0; i < (await all.count()); i++) await all.nth(i).getByLabel("同意", { exact: true }).check();
  await item.getByLabel(`在组织架构中创建班级“${NEW_CLASS}”（属于该学生的专业）`).check();
  await registrar.getByRole("button", { name: "提交审核结果" }).click();
  await expect(registrar).toHaveURL(/\/registrar\/corrections\?decided=approved/);
  await expect(registrar.getByText("审核结果已保存")).toBeVisible();

  await registrar.goto("/registrar/organisation");
  await expect(registrar.locator("main")).toContainText(NEW_CLASS);
  await registrar.context().close();

  await signInStudent(page, STUDENT.phone);
  await page.goto("/record");
  await expect(page.locator('[data-field="major"] dd')).toHaveText(NEW_MAJOR);
  await expect(page.locator('[data-field="classGroup"] dd')).toHaveText(NEW_CLASS);
});
