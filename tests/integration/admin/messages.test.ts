import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { updateSettings } from "@/lib/admin/settings";
import { sendSmsCode } from "@/lib/accounts/codes";
import { listTemplates, resetTemplate, saveTemplate } from "@/lib/messaging/template-admin";
import { sendTestMessage } from "@/lib/messaging/test-send";
import { renderMessage } from "@/lib/messaging/texts";
import { sendMessage, setProvider } from "@/lib/messaging/send";
import { MESSAGE_TEMPLATES } from "@/lib/messaging/templates";
import type { StaffActor } from "@/lib/auth/actor";
import { lastAudit, makeStaff, uid } from "./fixtures";

let admin: StaffActor;
let registrar: StaffActor;
let saved: { key: string; value: string }[] = [];
const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const auditCount = (action: string, actorId: string) => db.auditLog.count({ where: { action, actorId } });

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  registrar = (await makeStaff("registrar")).actor;
  saved = await db.setting.findMany({ select: { key: true, value: true } });
});

afterEach(() => {
  setProvider("sms", undefined);
  setProvider("email", undefined);
});

// Settings are global: put back what was there so later files see the defaults.
afterAll(async () => {
  await db.setting.deleteMany({});
  for (const s of saved) await db.setting.create({ data: s });
});

describe("message templates", () => {
  it("refuses a template missing a required placeholder, naming it, and changes nothing", async () => {
    const before = await db.setting.findUnique({ where: { key: "messages.templates" } });
    const result = await saveTemplate(admin, "verificationCode", {
      "zh-CN": "您的验证码 {code}，请勿告诉他人。",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { "zh-CN": { key: "admin.messages.errors.missing", params: { names: "{lifetime}" } } },
    });
    expect(await db.setting.findUnique({ where: { key: "messages.templates" } })).toEqual(before);
    expect(await auditCount("messages.templateUpdate", admin.staffUserId)).toBe(0);
  });

  it.each([
    ["{password}", "{password}"],
    ["{code}{lifetime}{ code }", "{ code }"],
    ["{code}{lifetime}{}", "{}"],
    ["{code}{lifetime}{__proto__}", "{__proto__}"],
  ])("refuses the unknown placeholder in %s and lists the allowed ones", async (text, unknown) => {
    const result = await saveTemplate(admin, "verificationCode", { "zh-CN": text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.fieldErrors?.["zh-CN"];
    expect(error).toEqual({
      key: "admin.messages.errors.unknown",
      params: { names: unknown, allowed: "{action}、{code}、{lifetime}" },
    });
  });

  it("refuses empty, over-long and self-signed texts, and unknown template keys", async () => {
    const field = async (text: string) => {
      const r = await saveTemplate(admin, "accountLocked", { "zh-CN": text });
      return r.ok ? null : r.fieldErrors?.["zh-CN"]?.key;
    };
    expect(await field("   ")).toBe("admin.messages.errors.empty");
    expect(await field(`${"长".repeat(400)}{until}`)).toBe("admin.messages.errors.tooLong");
    expect(await field("【别的签名】锁定至 {until}")).toBe("admin.messages.errors.signature");
    const bad = await saveTemplate(admin, "__proto__", { "zh-CN": "x" });
    expect(bad.ok).toBe(false);
    await expect(saveTemplate(registrar, "reminder", { "zh-CN": "{deadline}" })).rejects.toThrow(
      AuthorizationError,
    );
  });

  it("checks every language of a bilingual e-mail at its own field", async () => {
    const result = await saveTemplate(admin, "emailVerify", {
      "zh-CN": "请打开链接验证邮箱。",
      en: "Open {url} to verify.",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      "zh-CN": { key: "admin.messages.errors.missing", params: { names: "{link}" } },
      en: { key: "admin.messages.errors.unknown", params: { names: "{url}", allowed: "{link}" } },
    });
    // the English text follows the Chinese in one message and may refer to "the link above"
    const saved = await saveTemplate(admin, "emailVerify", {
      "zh-CN": "请在 24 小时内打开链接验证邮箱：{link}",
      en: "Open the link above within 24 hours.",
    });
    expect(saved.ok).toBe(true);
    expect(await renderMessage("emailVerify", { link: "https://x/v?t=1" })).toBe(
      "请在 24 小时内打开链接验证邮箱：https://x/v?t=1\n\nOpen the link above within 24 hours.",
    );
    expect((await resetTemplate(admin, "emailVerify")).ok).toBe(true);
  });

  it("saves a template (audited before/after), sends with it, and resets to the default", async () => {
    const text = "{name}同学，请在 {deadline} 前登录核对学籍信息。";
    const result = await saveTemplate(admin, "reminder", { "zh-CN": text }, { ip: "198.51.100.9" });
    expect(result.ok).toBe(true);
    expect(await renderMessage("reminder", { name: "李雷", deadline: "12月8日" })).toBe(
      "李雷同学，请在 12月8日 前登录核对学籍信息。",
    );
    const entry = await lastAudit("messages.templateUpdate", "reminder");
    expect(entry?.actorId).toBe(admin.staffUserId);
    expect(JSON.parse(entry?.after ?? "{}")).toEqual({ "zh-CN": text });
    expect(entry?.ip).toBe("198.51.100.9");
    expect((await listTemplates(admin)).find((t) => t.key === "reminder")?.customised).toBe(true);

    expect((await resetTemplate(admin, "reminder")).ok).toBe(true);
    expect(await renderMessage("reminder", { name: "李雷", deadline: "12月8日" })).toBe(
      MESSAGE_TEMPLATES.reminder.defaults["zh-CN"].replace("{name}", "李雷").replace("{deadline}", "12月8日"),
    );
    const reset = await lastAudit("messages.templateReset", "reminder");
    expect(JSON.parse(reset?.before ?? "{}")).toEqual({ "zh-CN": text });
    expect((await listTemplates(admin)).find((t) => t.key === "reminder")?.customised).toBe(false);
  });
});

describe("signature and portal address", () => {
  it("refuses a signature without full-width brackets and an address that is not a web address", async () => {
    const result = await updateSettings(admin, "signature", {
      signature: "[学籍自查]",
      portalAddress: "javascript:alert(1)",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        signature: { key: "admin.messages.errors.signatureFormat" },
        portalAddress: { key: "admin.messages.errors.address" },
      },
    });
  });

  it("puts the signature and the address on every SMS and e-mail sent", async () => {
    const saved = await updateSettings(admin, "signature", {
      signature: "【示范大学学籍自查】",
      portalAddress: "https://xj.example.edu.cn/",
    });
    expect(saved).toEqual({ ok: true, value: { section: "signature" } });
    const to = phone();
    const sent = await sendSmsCode(
      { purpose: "register", phone: to },
      { ip: `203.0.113.${uid(1)}`, userAgent: "vitest" },
    );
    expect(sent.ok).toBe(true);
    const sms = await db.outboundMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
    expect(sms.body.startsWith("【示范大学学籍自查】您正在实名注册，验证码 ")).toBe(true);
    expect(sms.body.endsWith(" https://xj.example.edu.cn")).toBe(true);
    // a text written with the old signature gets the configured one, not two
    const other = phone();
    await sendMessage({ channel: "sms", to: other, body: "【学籍自查】测试" });
    const old = await db.outboundMessage.findFirstOrThrow({ where: { to: other } });
    expect(old.body).toBe("【示范大学学籍自查】测试 https://xj.example.edu.cn");

    const email = `m${uid(3)}@example.edu.cn`;
    await sendMessage({ channel: "email", to: email, subject: "主题", body: "正文" });
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { to: email } });
    expect(mail.body).toBe("正文\n\n【示范大学学籍自查】 https://xj.example.edu.cn");
  });
});

describe("test messages from the settings", () => {
  it("sends a test SMS to the typed number, with signature and address, and audits it masked", async () => {
    const { actor } = await makeStaff("admin");
    const to = phone();
    const result = await sendTestMessage(actor, { channel: "sms", to }, { ip: "198.51.100.7" });
    expect(result).toEqual({ ok: true, value: { channel: "sms", provider: "outbox", stored: true } });
    const sms = await db.outboundMessage.findFirstOrThrow({ where: { to } });
    expect(sms.body).toMatch(/^【[^】]+】这是一条测试短信/);
    const entry = await lastAudit("messages.testSend", "sms");
    expect(entry?.actorId).toBe(actor.staffUserId);
    const after = JSON.parse(entry?.after ?? "{}");
    expect(after).toMatchObject({
      channel: "sms",
      outcome: "sent",
      to: `${to.slice(0, 3)}****${to.slice(7)}`,
    });
    expect(entry?.after).not.toContain(to);
  });

  it("reports a provider's error in its words and audits the failure", async () => {
    const { actor } = await makeStaff("admin");
    setProvider("email", {
      name: "smtp",
      async send() {
        throw new Error("550 mailbox unavailable");
      },
    });
    const result = await sendTestMessage(actor, { channel: "email", to: "Someone@Example.edu.cn" });
    expect(result).toEqual({
      ok: false,
      error: { key: "admin.messages.test.failed", params: { error: "550 mailbox unavailable" } },
    });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "messages.testSend", actorId: actor.staffUserId },
    });
    expect(JSON.parse(entry.after ?? "{}")).toMatchObject({
      channel: "email",
      to: "s***@example.edu.cn",
      outcome: "failed",
      error: "550 mailbox unavailable",
    });
  });

  it.each([
    ["sms", "abc"],
    ["sms", "1380000"],
    ["sms", "'; drop table x"],
    ["email", "not-an-address"],
    ["email", `${"a".repeat(120)}@example.edu.cn`],
    ["fax", "13800000000"],
  ])("refuses %s to %s at the field, sending and counting nothing", async (channel, to) => {
    const { actor } = await makeStaff("admin");
    const result = await sendTestMessage(actor, { channel, to });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([channel === "fax" ? "channel" : "to"]);
    expect(await auditCount("messages.testSend", actor.staffUserId)).toBe(0);
  });

  it("allows 5 test messages an hour per admin, then refuses (audited sends stay 5)", async () => {
    const { actor } = await makeStaff("admin");
    for (let i = 0; i < 5; i++)
      expect((await sendTestMessage(actor, { channel: "sms", to: phone() })).ok).toBe(true);
    const sixth = await sendTestMessage(actor, { channel: "sms", to: phone() });
    expect(sixth.ok).toBe(false);
    if (!sixth.ok) expect(sixth.error?.key).toBe("admin.messages.test.errors.tooMany");
    expect(await auditCount("messages.testSend", actor.staffUserId)).toBe(5);
    // another admin has their own allowance
    const { actor: other } = await makeStaff("admin");
    expect((await sendTestMessage(other, { channel: "sms", to: phone() })).ok).toBe(true);
  });

  it("is refused to anyone but the admin", async () => {
    await expect(sendTestMessage(registrar, { channel: "sms", to: phone() })).rejects.toThrow(
      AuthorizationError,
    );
  });
});
