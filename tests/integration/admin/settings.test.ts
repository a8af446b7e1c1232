import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { readSettings, updateSettings } from "@/lib/admin/settings";
import { evidenceRetentionDays } from "@/lib/corrections/evidence";
import {
  codeLifetimeMinutes,
  emailProviderName,
  registrarContact,
  retentionDays,
  schoolName,
  securityQuestionsEnabled,
  smsProviderName,
} from "@/lib/settings";
import type { StaffActor } from "@/lib/auth/actor";
import { lastAudit, makeStaff } from "./fixtures";

let admin: StaffActor;
let saved: { key: string; value: string }[] = [];

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  saved = await db.setting.findMany({ select: { key: true, value: true } });
});

// Settings are global: put back what was there so later files see the defaults.
afterAll(async () => {
  await db.setting.deleteMany({});
  for (const s of saved) await db.setting.create({ data: s });
});

describe("settings", () => {
  it("saves the registrar contact, which the student pages read, with before/after in the audit log", async () => {
    const before = await registrarContact();
    const input = {
      phone: "010-6275 1234",
      office: "行政楼 208",
      email: "XUEJI@Example.edu.cn",
      hours: "工作日 8:30–17:00",
    };
    const result = await updateSettings(admin, "contact", input, { ip: "198.51.100.4" });
    expect(result.ok).toBe(true);
    expect(await registrarContact()).toEqual({ ...input, email: "xueji@example.edu.cn" });
    const entry = await lastAudit("settings.update", "contact");
    expect(JSON.parse(entry?.before ?? "{}")).toEqual(before);
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({
      phone: "010-6275 1234",
      email: "xueji@example.edu.cn",
    });
    expect(entry?.ip).toBe("198.51.100.4");
  });

  it.each([
    ["codes", { codeLifetimeMinutes: "0" }, "codeLifetimeMinutes", "admin.settings.errors.codeLifetime"],
    ["codes", { codeLifetimeMinutes: "1441" }, "codeLifetimeMinutes", "admin.settings.errors.codeLifetime"],
    ["codes", { codeLifetimeMinutes: "10.5" }, "codeLifetimeMinutes", "admin.settings.errors.codeLifetime"],
    ["codes", { codeLifetimeMinutes: "abc" }, "codeLifetimeMinutes", "admin.settings.errors.codeLifetime"],
    [
      "contact",
      { phone: "", office: "", email: "not-an-email", hours: "" },
      "email",
      "admin.settings.errors.email",
    ],
    ["general", { schoolName: "x" }, "schoolName", "admin.settings.errors.schoolName"],
    ["retention", { idPhotoDays: "0", evidenceDays: "30" }, "idPhotoDays", "admin.settings.errors.retention"],
    [
      "messaging",
      { smsProvider: "twilio", emailProvider: "outbox" },
      "smsProvider",
      "admin.settings.errors.provider",
    ],
    [
      "messaging",
      { smsProvider: "aliyun", emailProvider: "outbox" },
      "smsProvider",
      "admin.settings.errors.notConfigured",
    ],
    [
      "messaging",
      { smsProvider: "outbox", emailProvider: "smtp" },
      "emailProvider",
      "admin.settings.errors.notConfigured",
    ],
  ] as const)("%s refuses %j and changes nothing", async (section, input, field, key) => {
    const rows = await db.setting.findMany({ orderBy: { key: "asc" } });
    const audits = await db.auditLog.count({ where: { action: "settings.update" } });
    const result = await updateSettings(admin, section, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.key).toBe(key);
    expect(await db.setting.findMany({ orderBy: { key: "asc" } })).toEqual(rows);
    expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(audits);
  });

  it("code lifetime 1–1440 minutes and the security-question switch take effect", async () => {
    expect(
      (await updateSettings(admin, "codes", { codeLifetimeMinutes: "1440", securityQuestions: "" })).ok,
    ).toBe(true);
    expect(await codeLifetimeMinutes()).toBe(1440);
    expect(await securityQuestionsEnabled()).toBe(false);
    expect(
      (await updateSettings(admin, "codes", { codeLifetimeMinutes: "1", securityQuestions: "on" })).ok,
    ).toBe(true);
    expect(await codeLifetimeMinutes()).toBe(1);
    expect(await securityQuestionsEnabled()).toBe(true);
  });

  // External sign-in providers moved to their own table and page: tests/integration/external-sign-in.
  it("stores school name, providers (outbox is always available) and retention", async () => {
    expect((await updateSettings(admin, "general", { schoolName: "  江城理工大学 " })).ok).toBe(true);
    expect(await schoolName()).toBe("江城理工大学");
    expect(
      (await updateSettings(admin, "messaging", { smsProvider: "outbox", emailProvider: "outbox" })).ok,
    ).toBe(true);
    expect(await smsProviderName()).toBe("outbox");
    expect(await emailProviderName()).toBe("outbox");
    expect((await updateSettings(admin, "retention", { idPhotoDays: "30", evidenceDays: "365" })).ok).toBe(
      true,
    );
    expect(await retentionDays()).toEqual({ idPhotoDays: 30, evidenceDays: 365 });
    // the corrections service reads the evidence period itself
    expect(await evidenceRetentionDays()).toBe(365);

    const shown = await readSettings(admin);
    expect(shown.messaging.readiness.sms.outbox).toBe(true);
    expect(shown.messaging.readiness.sms.aliyun).toBe(false);
  });

  it("is for admins only", async () => {
    const { actor: registrar } = await makeStaff("registrar");
    await expect(updateSettings(registrar, "general", { schoolName: "别的大学" })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await expect(readSettings(registrar)).rejects.toBeInstanceOf(AuthorizationError);
  });
});
