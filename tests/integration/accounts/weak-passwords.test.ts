/**
 * Weak passwords are refused at the field, and nothing is written, at registration, at a reset and at a
 * password change: all spaces, common passwords dressed up with case and trailing digits/symbols, and the
 * names of the product, 学信网 and the school (from the settings). SQLite and, with TEST_DB=postgres,
 * PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerStudent } from "@/lib/accounts/registration";
import { resetWithSmsCode, sendRecoverySms, startPasswordRecovery } from "@/lib/accounts/recover-password";
import { changePassword } from "@/lib/accounts/manage";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import type { StudentActor } from "@/lib/auth/actor";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { forgetCachedSettings, writeSetting } from "@/lib/settings";
import { createAccount, latestCode, meta, registrationInput } from "./support";

afterEach(async () => {
  await db.setting.deleteMany({ where: { key: "school.name" } });
  forgetCachedSettings();
});

const WEAK: [string, string][] = [
  ["        ", "passwords.blank"],
  ["Password1!", "passwords.common"],
  ["chsi2023", "passwords.containsSiteWord"],
  ["学籍自查平台的密码", "passwords.containsSiteWord"],
  ["青山理工大学2024", "passwords.containsSiteWord"],
];

async function captcha() {
  const c = await createCaptcha();
  return { captchaId: c.id, captchaAnswer: devCaptchaAnswer(c.id) ?? "" };
}

describe("weak passwords are refused where a password is chosen", () => {
  it("registration: a field message, no account", async () => {
    await writeSetting("school.name", "青山理工大学");
    for (const [password, key] of WEAK) {
      const input = registrationInput({ password, confirmPassword: password });
      const r = await registerStudent(input, meta());
      expect(r.ok ? null : r.fieldErrors?.password?.key, password).toBe(key);
      expect(await db.account.count({ where: { phone: input.phone } })).toBe(0);
    }
  });

  it("password reset by SMS: a field message, the old password stays", async () => {
    await writeSetting("school.name", "青山理工大学");
    const { account } = await createAccount();
    const start = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("recovery did not start");
    expect((await sendRecoverySms(start.value.ticket, meta())).ok).toBe(true);
    const code = await latestCode(account.phone);
    for (const [password, key] of WEAK) {
      const r = await resetWithSmsCode({
        ticket: start.value.ticket,
        code,
        password,
        confirmPassword: password,
      });
      expect(r.ok ? null : r.fieldErrors?.password?.key, password).toBe(key);
    }
    const after = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.passwordHash).toBe(account.passwordHash);
    // The code is still good for a decent password.
    const done = await resetWithSmsCode({
      ticket: start.value.ticket,
      code,
      password: "山高月小水落石出",
      confirmPassword: "山高月小水落石出",
    });
    expect(done.ok).toBe(true);
  });

  it("password change: the phone number and the school's short name are refused too", async () => {
    await writeSetting("school.name", "青山理工大学");
    const { account, password } = await createAccount();
    const session = await startSession({ accountId: account.id }, meta());
    const actor = (await resolveSession(session.id)) as StudentActor;
    for (const [candidate, key] of [
      [`my${account.phone}`, "passwords.containsPhone"],
      ["青山理工2024!", "passwords.containsSiteWord"],
    ]) {
      const r = await changePassword(actor, {
        currentPassword: password,
        password: candidate,
        confirmPassword: candidate,
      });
      expect(r.ok ? null : r.fieldErrors?.password?.key, candidate).toBe(key);
    }
    const after = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.passwordHash).toBe(account.passwordHash);
  });
});
