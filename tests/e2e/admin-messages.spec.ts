import { expect, test, type Locator } from "@playwright/test";
import { latestMessage, signInStaff } from "./support/helpers";

/**
 * Messages in the admin settings (issue 12 item 19), in both projects (zh-CN at 360 px, English at 1280 px):
 * a template edit refused at the field for a missing or unknown placeholder, saved, then reset to the
 * default; a test SMS (phone) or e-mail (desktop) to what the admin types, refused for a bad recipient,
 * then sent with the signature and the portal's address. One test message per project (the limit is 5 an
 * hour per admin).
 */
const desktop = () => test.info().project.name === "desktop-en";
const say = (zh: string, en: string) => (desktop() ? en : zh);

async function inView(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport();
}

test(
  "the admin edits a message template within its placeholders and resets it",
  { tag: "@both" },
  async ({ page }) => {
    await signInStaff(page, "admin");
    await page.goto("/admin/settings");
    const form = page.getByTestId("template-casePhotoRejected");
    const text = form.locator("textarea[name=zh-CN]");
    const save = form.getByRole("button", { name: say("保存模板", "Save template") });
    const reset = form.getByRole("button", { name: say("恢复默认", "Reset to default") });
    const original = await text.inputValue();
    expect(original).toContain("{reason}");
    try {
      await inView(text);
      await text.fill("您的照片未通过审核，请重新上传。");
      await inView(save);
      await save.click();
      const error = form.getByRole("alert");
      await expect(error).toContainText("{reason}");
      await inView(error);
      await expect(text).toHaveValue("您的照片未通过审核，请重新上传。");

      await text.fill("照片未通过：{reason}，{name}请重新上传。");
      await save.click();
      await expect(form.getByRole("alert")).toContainText("{name}");
      await expect(form.getByRole("alert")).toContainText("{reason}");

      await text.fill("照片未通过审核：{reason}。请重新上传。");
      await save.click();
      await expect(form.getByRole("status")).toContainText(say("模板已保存", "Template saved"));
      await page.reload();
      await expect(form.locator("textarea[name=zh-CN]")).toHaveValue(
        "照片未通过审核：{reason}。请重新上传。",
      );
      await expect(form).toContainText(say("已修改", "Edited"));
      await form.screenshot({ path: test.info().outputPath("template-form.png") });
    } finally {
      await inView(reset);
      await reset.click();
      await expect(form.getByRole("status")).toContainText(
        say("已恢复为默认文字", "Back to the default words"),
      );
    }
    await expect(form.locator("textarea[name=zh-CN]")).toHaveValue(original);
  },
);

test("the admin sends a test message to a number or address typed in", { tag: "@both" }, async ({ page }) => {
  await signInStaff(page, "admin");
  await page.goto("/admin/settings");
  const form = page.locator("form[aria-labelledby=test-message-title]");
  await inView(form);
  const channel = desktop() ? "email" : "sms";
  const to = desktop() ? `test${Date.now()}@example.edu.cn` : `139${String(Date.now()).slice(-8)}`;
  if (channel === "email") await form.locator("#test-channel-email").check();
  const field = form.locator("input[name=to]");
  await inView(field);
  await field.fill(desktop() ? "not-an-address" : "12345");
  const send = form.getByRole("button", { name: say("发送测试消息", "Send test message") });
  await inView(send);
  await send.click();
  await expect(form.getByRole("alert")).toHaveText(
    desktop() ? "Enter a valid e-mail address." : "请填写 11 位中国大陆手机号。",
  );
  await field.fill(to);
  await send.click();
  const result = page.locator("#test-message-result");
  await inView(result);
  await expect(result).toContainText(say("已存入开发发件箱", "Stored in the development outbox"));
  const message = await latestMessage(page.request, to);
  const origin = new URL(page.url()).origin;
  if (channel === "sms") {
    expect(message.body).toMatch(/^【[^】]+】这是一条测试短信/);
    expect(message.body.endsWith(` ${origin}`)).toBe(true);
  } else {
    expect(message.body).toContain("This is a test e-mail");
    expect(message.body).toMatch(new RegExp(`【[^】]+】 ${origin.replace(/[.:/]/g, "\\$&")}$`));
  }
  await form.screenshot({ path: test.info().outputPath("test-message-form.png") });
});
