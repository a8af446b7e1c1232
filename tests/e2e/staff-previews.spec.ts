import { randomInt } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { checkDigitFor } from "../../lib/identity/id-number";
import { ROSTER_HEADERS } from "../../lib/roster-import/columns";
import { checkA11y, signInStaff } from "./support/helpers";

/**
 * Irreversible staff actions are previewed and confirmed (issue 12 items 12–14): an import preview lists
 * who changes and how, and a stale preview is discarded; a graduation lock lists who will be locked, waits
 * for a ticked confirmation and can be undone; a campaign overlapping another is refused until confirmed.
 * Staff pages at 1280 px in Chinese; the confirm controls are checked at 360 px too.
 */
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1280, height: 800 } });

const stamp = `${Date.now() % 1_000_000}${randomInt(100, 999)}`;
const college = `E2E预览学院${stamp}`;

function idNumber(birth: string): string {
  const first17 = `420106${birth.replaceAll("-", "")}${randomInt(0, 10)}${String(randomInt(0, 50) * 2 + 1).padStart(2, "0")}`;
  return first17 + checkDigitFor(first17);
}

function row(n: number, over: Record<string, string> = {}): Record<string, string> {
  const birth = `2005-06-${String(10 + n).padStart(2, "0")}`;
  return {
    姓名: `预览学生${"甲乙丙丁"[n]}`,
    性别: "男",
    出生日期: birth,
    民族: "汉族",
    证件类型: "居民身份证",
    证件号码: idNumber(birth),
    层次: "本科",
    专业: "E2E预览专业",
    学制: "4",
    学历类别: "普通",
    学习形式: "普通全日制",
    分院: college,
    "系(所、函授站)": "E2E系",
    班级: `E2E预览${stamp}班`,
    学号: `P${stamp}${n}`,
    入学日期: "2023-09-01",
    预计毕业日期: "2027-06-30",
    学籍状态: "在籍(注册学籍)",
    ...over,
  };
}

const csv = (rows: Record<string, string>[], headers: readonly string[] = ROSTER_HEADERS) =>
  Buffer.from(
    "\uFEFF" +
      [headers.join(","), ...rows.map((r) => headers.map((h) => r[h]).join(","))].join("\r\n") +
      "\r\n",
  );

async function upload(page: Page, path: string, name: string, file: Buffer, submit: string) {
  await page.goto(path);
  await page.locator("input[name=file]").setInputFiles({ name, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: submit }).click();
  // the upload's own page (the list it starts from may show earlier previews' badges)
  await expect(page).toHaveURL(new RegExp(`${path}/[a-z0-9]+$`), { timeout: 30_000 });
}

/** A confirm control is reachable on a phone: scrolled to, it is inside the viewport. */
async function visibleAtPhoneSize(page: Page, control: Locator) {
  await page.setViewportSize({ width: 360, height: 780 });
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Full-page pictures of the page at desktop and phone width, kept with the test's artifacts. */
async function shots(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Each test imports its own students (a retried or re-run test gets a fresh stamp). */
const ZH = { upload: "上传并预览", previewed: "预览完成，待确认", commit: "确认导入", done: "导入完成" };
const EN = {
  upload: "Upload and preview",
  previewed: "Previewed, awaiting confirmation",
  commit: "Confirm the import",
  done: "Import complete",
};
async function importRoster(page: Page, rows: Record<string, string>[], text = ZH) {
  await upload(page, "/registrar/import", "roster.csv", csv(rows), text.upload);
  await expect(page.getByText(text.previewed)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: text.commit }).click();
  await expect(page.getByText(text.done)).toBeVisible({ timeout: 30_000 });
}

const rows = [row(0), row(1), row(2)];

test("an import preview lists who changes and how; a stale preview is discarded; the list names the uploader", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  await upload(page, "/registrar/import", "roster.csv", csv(rows), "上传并预览");
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("new-students")).toContainText("预览学生甲");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 30_000 });

  // another number of the same birth date (the random part has 500 values, so draw until it differs)
  let newId = idNumber(rows[1]["出生日期"]);
  while (newId === rows[1]["证件号码"]) newId = idNumber(rows[1]["出生日期"]);
  await upload(
    page,
    "/registrar/import",
    "roster-2.csv",
    csv([{ ...rows[0], 学籍状态: "休学" }, { ...rows[1], 证件号码: newId }, rows[2]]),
    "上传并预览",
  );
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("上传人：学籍管理科")).toBeVisible();
  const changed = page.getByTestId("changed-students");
  await expect(page.getByRole("heading", { name: "将变更的学生（共 2 人）" })).toBeVisible();
  const first = changed.locator("tbody tr", { hasText: rows[0]["学号"] });
  await expect(first).toContainText("预览学生甲");
  const status = first.locator("[data-field=status]");
  await expect(status).toContainText("学籍状态");
  await expect(status.locator("del")).toHaveText("在籍（注册学籍）");
  await expect(status.locator("ins")).toHaveText("休学");
  const masked = (id: string) => `${id[0]}${"*".repeat(16)}${id[17]}`;
  const second = changed.locator("tbody tr", { hasText: rows[1]["学号"] });
  const id = second.locator("[data-field=idNumber]");
  await expect(id.locator("del")).toHaveText(masked(rows[1]["证件号码"]));
  await expect(id.locator("ins")).toHaveText(masked(newId));
  await expect(page.locator("body")).not.toContainText(newId);
  await checkA11y(page);
  await shots(page, "import-preview-changes");

  // Set aside instead of committed: the box must be ticked first.
  const discard = page.getByTestId("discard");
  await visibleAtPhoneSize(page, discard.getByRole("button", { name: "作废预览" }));
  await discard.getByRole("button", { name: "作废预览" }).click();
  await expect(page.getByText("预览完成，待确认")).toBeVisible();
  await discard.getByRole("checkbox").check();
  await discard.getByRole("button", { name: "作废预览" }).click();
  await expect(page.getByText("这份预览已作废，没有改动任何学籍。")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  await page.goto("/registrar/import");
  const listed = page.locator("tbody tr", { hasText: "roster-2.csv" }).first();
  await expect(listed).toContainText("学籍管理科");
  await expect(listed).toContainText("已作废");
  await shots(page, "import-list");
});

test("a graduation lock lists who will be locked, waits for the confirmation, and the registrar can undo it", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  await importRoster(page, rows);
  const lockFile = csv([rows[0], rows[1], { ...rows[0], 学号: `X${stamp}` }], ["学号"]);
  await upload(page, "/registrar/graduation-lock", "lock.csv", lockFile, "上传并预览");
  await expect(page).toHaveURL(/\/registrar\/graduation-lock\/c[a-z0-9]+$/);
  await expect(page.getByText("尚未锁定任何学籍。请核对下方 2 名学生，确认后才会锁定。")).toBeVisible();
  await expect(page.locator("[data-count=countToLock] dd")).toHaveText("2");
  await expect(page.locator("[data-count=countUnknown] dd")).toHaveText("1");
  const list = page.getByTestId("lock-students");
  await expect(list.locator("tbody tr")).toHaveCount(2);
  await expect(list).toContainText("预览学生甲");
  await expect(list).toContainText(college);
  await expect(page.getByText(`X${stamp}`)).toBeVisible();
  await checkA11y(page);
  await shots(page, "graduation-lock-preview");

  const confirm = page.getByTestId("lock-confirm");
  const lockButton = confirm.getByRole("button", { name: "锁定 2 名学生" });
  await visibleAtPhoneSize(page, lockButton);
  await lockButton.click();
  await expect(page.getByText("待确认", { exact: true })).toBeVisible();
  await confirm.getByRole("checkbox").check();
  await lockButton.click();
  await expect(page.getByRole("heading", { name: "本次锁定的学生（共 2 人）" })).toBeVisible();
  await expect(page.getByText("已锁定", { exact: true }).first()).toBeVisible();
  await shots(page, "graduation-lock-committed");

  const undo = page.getByTestId("lock-undo");
  const undoButton = undo.getByRole("button", { name: "撤销锁定（2 人）" });
  await visibleAtPhoneSize(page, undoButton);
  await undo.getByRole("checkbox").check();
  await undoButton.click();
  await expect(page.getByText("这次锁定已撤销，名单中的学生已恢复为未锁定。")).toBeVisible();
  await page.goto("/registrar/graduation-lock");
  await expect(page.locator("tbody tr", { hasText: "lock.csv" }).first()).toContainText("已撤销");
  await shots(page, "graduation-lock-list");
});

test("a campaign overlapping another for the same students needs a confirmation; choices come from the roster", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  await page.goto("/registrar/campaigns");
  // the seeded 2023 本科 campaign covers the demo university's 2023 bachelor students
  const seeded = page.locator("tbody tr", { hasText: "2023级普通本科学籍自查" });
  expect(
    Number((await seeded.getByTestId("campaign-students").innerText()).replaceAll(",", "")),
  ).toBeGreaterThan(0);
  const cohortOptions = await page.locator("#cohort option").allTextContents();
  expect(cohortOptions).toEqual(expect.arrayContaining(["2023", "2022"]));
  const levelOptions = await page.locator("#level option").allTextContents();
  expect(levelOptions).toEqual(expect.arrayContaining(["全部层次", "本科"]));

  const school = (days: number) =>
    new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  const name = `E2E重叠批次${stamp}`;
  await page.locator("#name").fill(name);
  await page.locator("#cohort").selectOption("2023");
  await page.locator("#level").selectOption("本科");
  await page.locator("#startsAt").fill(school(20));
  await page.locator("#endsAt").fill(school(40));
  await page.getByRole("button", { name: "新建批次" }).click();
  const overlap = page.getByTestId("overlap-confirm");
  await expect(overlap).toContainText("2023级普通本科学籍自查");
  await expect(page.locator("tbody tr", { hasText: name })).toHaveCount(0);
  // what was typed and chosen is kept
  await expect(page.locator("#name")).toHaveValue(name);
  await expect(page.locator("#cohort")).toHaveValue("2023");
  await checkA11y(page);
  await shots(page, "campaign-overlap");
  await overlap.getByRole("checkbox").check();
  await page.getByRole("button", { name: "新建批次" }).click();
  await expect(page.getByText("已创建自查批次。")).toBeVisible();
  const created = page.locator("tbody tr", { hasText: name });
  await expect(created.getByTestId("campaign-students")).toHaveText(
    await seeded.getByTestId("campaign-students").innerText(),
  );
  // leave the shared demo data as it was
  page.once("dialog", (d) => d.accept());
  await created.getByRole("button", { name: /删除/ }).click();
  await expect(page.locator("tbody tr", { hasText: name })).toHaveCount(0);
});

test("English: the graduation lock preview and its confirmation", { tag: "@en" }, async ({ page }) => {
  await signInStaff(page, "registrar");
  await importRoster(page, [rows[2]], EN);
  await upload(
    page,
    "/registrar/graduation-lock",
    "lock-en.csv",
    csv([rows[2]], ["学号"]),
    "Upload and preview",
  );
  await expect(page.getByText("Nothing is locked yet. Check the 1 student below")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Students to lock (1)" })).toBeVisible();
  await expect(page.getByTestId("lock-students")).toContainText("预览学生丙");
  await expect(page.getByRole("button", { name: "Lock 1 student" })).toBeVisible();
  await shots(page, "graduation-lock-preview-en");
  const discard = page.getByTestId("discard");
  await discard.getByRole("checkbox").check();
  await discard.getByRole("button", { name: "Discard preview" }).click();
  await expect(page.getByText("This preview was discarded; no record was locked.")).toBeVisible();
});

test("the change table of an import preview is read on a phone without scrolling sideways", async ({
  page,
}) => {
  await signInStaff(page, "registrar");
  // students of their own (学号 Q…), imported, then changed by a second file
  const own = [0, 1].map((n) => row(n, { 学号: `Q${stamp}${n}`, 姓名: `手机预览${"甲乙"[n]}` }));
  await importRoster(page, own);
  await upload(
    page,
    "/registrar/import",
    "roster-phone.csv",
    csv([{ ...own[0], 学籍状态: "休学" }, own[1]]),
    "上传并预览",
  );
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
  const changed = page.getByTestId("changed-students");
  const first = changed.locator("tbody tr", { hasText: own[0]["学号"] });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the page is no wider than the window at ${width} px`).toBeLessThanOrEqual(0);
    for (const part of [
      first.getByText(own[0]["学号"]),
      first.getByText("手机预览甲"),
      first.locator("[data-field=status] del"),
      first.locator("[data-field=status] ins"),
    ]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part, `visible at ${width} px`).toBeInViewport({ ratio: 1 });
    }
    await expect(first.locator("[data-field=status] ins")).toHaveText("休学");
  }
  await shots(page, "import-preview-phone");
  await page.getByTestId("discard").getByRole("checkbox").check();
  await page.getByTestId("discard").getByRole("button", { name: "作废预览" }).click();
  await expect(page.getByText("这份预览已作废，没有改动任何学籍。")).toBeVisible();
});
