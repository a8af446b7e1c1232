import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { readSettings, updateSettings } from "@/lib/admin/settings";
import { emailProviderName, forgetCachedSettings, smsProviderName } from "@/lib/settings";
import type { StaffActor } from "@/lib/auth/actor";
import { makeStaff } from "./fixtures";

// Real providers configured in the environment, as production requires (read once, before the code loads).
vi.hoisted(() => {
  Object.assign(process.env, {
    SMS_PROVIDER: "aliyun",
    SMS_ALIYUN_ACCESS_KEY_ID: "LTAI-test",
    SMS_ALIYUN_ACCESS_KEY_SECRET: "test-secret",
    SMS_ALIYUN_SIGN_NAME: "某大学",
    SMS_ALIYUN_TEMPLATE_CODE: "SMS_1",
    EMAIL_PROVIDER: "smtp",
    SMTP_URL: "smtp://127.0.0.1:2525",
  });
});

/**
 * Production mode never sends SMS or e-mail to the outbox, whatever the admin settings say: production
 * refuses to start without real providers (lib/ops/production-check.ts), so /admin/settings must not switch
 * back to the outbox afterwards, and a stored outbox choice (from a demo install, a restored backup) is ignored.
 */
let admin: StaffActor;
let saved: { key: string; value: string }[] = [];

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  saved = await db.setting.findMany({ select: { key: true, value: true } });
});

afterEach(() => {
  vi.unstubAllEnvs();
  forgetCachedSettings();
});

afterAll(async () => {
  await db.setting.deleteMany({});
  for (const s of saved) await db.setting.create({ data: s });
});

describe("messaging providers in production mode", () => {
  it("a stored outbox choice is used in demo mode and ignored in production", async () => {
    expect(
      (await updateSettings(admin, "messaging", { smsProvider: "outbox", emailProvider: "outbox" })).ok,
    ).toBe(true);
    forgetCachedSettings();
    expect([await smsProviderName(), await emailProviderName()]).toEqual(["outbox", "outbox"]);

    vi.stubEnv("APP_MODE", "production");
    expect([await smsProviderName(), await emailProviderName()]).toEqual(["aliyun", "smtp"]);
    const shown = await readSettings(admin);
    expect(shown.messaging.readiness).toEqual({
      sms: { outbox: false, aliyun: true },
      email: { outbox: false, smtp: true },
    });
  });

  it.each([
    [{ smsProvider: "outbox", emailProvider: "smtp" }, "smsProvider"],
    [{ smsProvider: "aliyun", emailProvider: "outbox" }, "emailProvider"],
  ] as const)("production refuses %j at its field and changes nothing", async (input, field) => {
    vi.stubEnv("APP_MODE", "production");
    const rows = await db.setting.findMany({ orderBy: { key: "asc" } });
    const audits = await db.auditLog.count({ where: { action: "settings.update" } });
    const result = await updateSettings(admin, "messaging", input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ [field]: { key: "admin.settings.errors.outboxInProduction" } });
    expect(await db.setting.findMany({ orderBy: { key: "asc" } })).toEqual(rows);
    expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(audits);
  });

  it("production accepts the real providers", async () => {
    vi.stubEnv("APP_MODE", "production");
    expect(
      (await updateSettings(admin, "messaging", { smsProvider: "aliyun", emailProvider: "smtp" })).ok,
    ).toBe(true);
    forgetCachedSettings();
    expect([await smsProviderName(), await emailProviderName()]).toEqual(["aliyun", "smtp"]);
  });
});
