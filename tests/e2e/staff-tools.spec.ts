import { expect, test, type Page } from "@playwright/test";
import { DEMO_STUDENTS, signInStaff } from "./support/helpers";

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
