import { expect, test, type Page } from "@playwright/test";
import { checkA11y, signInStaff, signOut } from "./support/helpers";

/**
 * Issue 12 item 15 and the rest of 20, in both projects (zh-CN at 360 px, English at 1280 px): the registrar
 * creates, merges and deletes organisation units; the admin creates staff accounts from a file, limits a
 * counsellor to classes, and makes a read-only API token with an expiry. Every unit, account and token is
 * new and named per run, so the demo data other specs use is left as it is.
 */
const zh = () => test.info().project.name === "mobile-zh";
const say = (zhText: string, enText: string) => (zh() ? zhText : enText);
const run = () => `${Date.now().toString(36)}${zh() ? "z" : "e"}`;

async function inView(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport();
}

test(
  "the registrar creates, merges and deletes units; a unit with students is not deleted",
  { tag: "@both" },
  async ({ page }) => {
    test.setTimeout(120_000);
    const tag = run();
    const collegeName = `测试学院${tag}`;
    await signInStaff(page, "registrar");
    await page.goto("/registrar/organisation");

    // a seeded college has students: deleting it is refused with the reason
    const firstDelete = page.getByRole("button", { name: new RegExp(`^${say("删除", "Delete")} `) }).first();
    await inView(page, firstDelete);
    await firstDelete.click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: say("不能删除", "cannot be deleted") })
        .first(),
    ).toBeVisible();

    // a new college, then a major and two classes in it
    const name = page.getByLabel(say("分院名称", "College name"));
    await inView(page, name);
    await name.fill("   ");
    await page.getByRole("button", { name: say("新建分院", "Create college") }).click();
    await expect(page.getByText(say("请填写名称", "Enter a name")).first()).toBeVisible();
    await name.fill(collegeName);
    await page.getByRole("button", { name: say("新建分院", "Create college") }).click();
    await expect(page.locator(`input[value="${collegeName}"]`)).toHaveCount(1, { timeout: 15_000 });
    const block = page
      .getByTestId("college-unit")
      .filter({ has: page.locator(`input[value="${collegeName}"]`) })
      .last();
    await block.locator("summary").click();
    const major = block.getByLabel(say("新专业名称", "New major"));
    await inView(page, major);
    await major.fill("测试专业");
    await block.getByRole("button", { name: say("新建专业", "Create major") }).click();
    await expect(block.locator('input[value="测试专业"]')).toHaveCount(1, { timeout: 15_000 });
    for (const cls of ["甲班", "乙班"]) {
      const className = block.getByLabel(say("新班级名称", "New class"));
      await inView(page, className);
      await className.fill(`${cls}${tag}`);
      await block.locator('select[name="majorId"]').selectOption({ label: "测试专业" });
      await block.getByRole("button", { name: say("新建班级", "Create class") }).click();
      await expect(block.locator(`input[value="${cls}${tag}"]`)).toHaveCount(1, { timeout: 15_000 });
    }

    // merge 甲班 into 乙班: the preview shows what moves, the confirmation is required
    const merge = block.getByRole("link", {
      name: say(`把 甲班${tag} 合并到其他单位`, `Merge 甲班${tag} into another unit`),
    });
    await inView(page, merge);
    await merge.click();
    await expect(page.getByRole("heading", { level: 2 })).toContainText(`甲班${tag}`);
    const target = page.getByLabel(say("合并到哪个班级", "Merge into which class"));
    await inView(page, target);
    await target.selectOption({ label: `乙班${tag}` });
    await page.getByRole("button", { name: say("预览合并", "Preview the merge") }).click();
    const preview = page.getByTestId("merge-preview");
    await expect(preview).toContainText(say("学籍", "Records"));
    const submit = page.getByRole("button", { name: say("确认合并", "Merge"), exact: true });
    await inView(page, submit);
    await page.screenshot({ path: test.info().outputPath("merge-preview.png"), fullPage: true });
    await checkA11y(page);
    await page.getByLabel(new RegExp(say("我已核对上面的数量", "I have checked the numbers above"))).check();
    await submit.click();
    await expect(page).toHaveURL(/\/registrar\/organisation\?merged=/);
    await expect(page.getByText(say("已合并", "Merged:"))).toBeVisible();
    await expect(page.locator(`input[value="甲班${tag}"]`)).toHaveCount(0);

    // the empty class goes; the college with a major and a class does not
    const mergedBlock = page
      .getByTestId("college-unit")
      .filter({ has: page.locator(`input[value="${collegeName}"]`) })
      .last();
    await mergedBlock.locator("summary").click();
    const deleteClass = mergedBlock.getByRole("button", { name: `${say("删除", "Delete")} 乙班${tag}` });
    await inView(page, deleteClass);
    await deleteClass.click();
    await expect(page.locator(`input[value="乙班${tag}"]`)).toHaveCount(0, { timeout: 15_000 });
    const deleteCollege = page.getByRole("button", { name: `${say("删除", "Delete")} ${collegeName}` });
    await inView(page, deleteCollege);
    await deleteCollege.click();
    await expect(page.getByRole("alert").filter({ hasText: say("1 个专业", "1 major") })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("organisation.png"), fullPage: true });
  },
);

test(
  "the admin creates counsellors from a file, limits one to classes, and makes a read-only token",
  { tag: "@both" },
  async ({ page, request }) => {
    test.setTimeout(150_000);
    const tag = run();
    await signInStaff(page, "admin");
    await page.goto("/admin/staff");
    const bulkLink = page.getByRole("link", { name: say("从文件批量创建", "Create from a file") });
    await inView(page, bulkLink);
    await bulkLink.click();
    await expect(page).toHaveURL(/\/admin\/staff\/import/);

    // a file with a wrong row: the problem is at the row, nothing can be created
    const file = page.locator("input[type=file][name=file]");
    await file.setInputFiles({
      name: "staff.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`用户名,姓名,角色,学院代码\nfdy${tag},王老师,学院,C01\nBAD NAME,坏,学院,C01\n`),
    });
    const upload = page.getByRole("button", { name: say("上传并预览", "Upload and preview") });
    await inView(page, upload);
    await upload.click();
    const table = page.getByTestId("bulk-preview");
    await expect(table).toContainText(
      say("用户名须以小写字母开头", "A username starts with a lower-case letter"),
    );
    await expect(page.getByTestId("bulk-confirm")).toHaveCount(0);
    await checkA11y(page);

    // the corrected file: preview, confirm, one-time passwords
    await file.setInputFiles({
      name: "staff.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`用户名,姓名,角色,学院代码\nfdy${tag},王老师,学院,C01\nkf${tag},李老师,客服,\n`),
    });
    await upload.click();
    await expect(page.getByText(say("2 行全部无误", "All 2 rows are valid"))).toBeVisible();
    const create = page.getByRole("button", { name: say("创建 2 个账号", "Create 2 accounts") });
    await inView(page, create);
    await page
      .getByLabel(
        say(
          "我已核对上面的 2 个账号，确认创建。",
          "I have checked the 2 accounts above and want to create them.",
        ),
      )
      .check();
    await create.click();
    const created = page.getByTestId("bulk-created");
    await expect(created).toContainText(`fdy${tag}`);
    const password = (
      await created
        .locator("tr", { hasText: `fdy${tag}` })
        .locator("td")
        .nth(2)
        .innerText()
    ).trim();
    const download = page.getByRole("button", {
      name: say("下载初始密码（CSV）", "Download the initial passwords (CSV)"),
    });
    await inView(page, download);
    const [file1] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file1.suggestedFilename()).toBe("staff-passwords.csv");
    await expect(page.getByRole("button", { name: say("已下载", "Downloaded") })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath("bulk-created.png"), fullPage: true });

    // limit the new counsellor to one class of C01
    await page.goto(`/admin/staff?q=fdy${tag}`);
    await page
      .getByRole("link", { name: new RegExp(`fdy${tag}`) })
      .first()
      .click();
    await expect(page).toHaveURL(/\/admin\/staff\/[^/?]+$/);
    const scope = page.locator("[data-testid^=scope-]").first();
    const classes = scope.getByLabel(say("指定班级", "Chosen classes"));
    await inView(page, classes);
    await classes.check();
    const classLabel = scope.locator("label", { has: page.locator('input[name="classGroupIds"]') }).first();
    const className = (await classLabel.innerText()).trim();
    await classLabel.locator("input").check();
    const save = scope.getByRole("button", { name: new RegExp(say("保存.*的范围", "Save the scope for")) });
    await inView(page, save);
    await save.click();
    await expect(scope.getByText(say("范围已保存", "Scope saved"))).toBeVisible();
    await page.reload();
    await expect(
      page.locator("[data-testid^=scope-]").first().getByLabel(say("指定班级", "Chosen classes")),
    ).toBeChecked();
    await page.screenshot({ path: test.info().outputPath("staff-scope.png"), fullPage: true });
    await checkA11y(page);

    // a read-only token for 30 days: reads work, writes are refused
    await page.goto("/admin/tokens");
    const tokenName = page.locator("#token-name");
    await inView(page, tokenName);
    await tokenName.fill(`只读${tag}`);
    await page.getByRole("radio", { name: new RegExp(`^${say("只读", "Read-only")}`) }).check();
    await page.getByLabel(say("有效期", "Valid for")).selectOption("30");
    const make = page.getByRole("button", { name: say("创建令牌", "Create token") }).last();
    await inView(page, make);
    await make.click();
    const secret = page.getByTestId("api-token");
    await expect(secret).toBeVisible();
    const token = (await secret.textContent())?.trim() ?? "";
    const row = page.locator("tr", { hasText: `只读${tag}` });
    await expect(row).toContainText(say("只读", "Read-only"));
    const headers = { authorization: `Bearer ${token}` };
    expect((await request.get("/api/v1/self-check-status?cohort=2023", { headers })).status()).toBe(200);
    const write = await request.put("/api/v1/records", { headers, data: { records: [] } });
    expect(write.status()).toBe(403);
    expect((await write.json()).code).toBe("api.errors.readOnlyToken");
    await page.screenshot({ path: test.info().outputPath("tokens.png"), fullPage: true });

    // the counsellor signs in with the one-time password and sees only their class
    await signOut(page);
    await signInStaff(page, `fdy${tag}`, password);
    // outside demo mode a new account must choose its own password first
    if (await page.locator("#currentPassword").isVisible()) {
      await page.locator("#currentPassword").fill(password);
      await page.locator("#newPassword").fill(`班级范围 ${tag} 新密码`);
      await page.locator("#confirmPassword").fill(`班级范围 ${tag} 新密码`);
      await page.locator("#confirmPassword").press("Enter");
      await expect(page.locator("#currentPassword")).toHaveCount(0, { timeout: 15_000 });
    }
    await page.goto("/college");
    // the desk says what part of the college this account sees
    await expect(
      page.getByText(new RegExp(`${say("可查看的分院：", "Colleges you can see: ")}.*${className}`)),
    ).toBeVisible();
    const classFilter = page.locator("#classGroupId");
    await inView(page, classFilter);
    const offered = await classFilter.locator('option:not([value=""])').allInnerTexts();
    expect(offered).toEqual([className]);
    const rows = page.getByTestId("not-checked-table").locator("tbody tr");
    for (const text of await rows.allInnerTexts()) expect(text).toContain(className);
  },
);
