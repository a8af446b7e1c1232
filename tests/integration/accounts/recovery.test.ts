import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recoverUsername } from "@/lib/accounts/recover-username";
import {
  resetWithAnswers,
  resetWithEmailToken,
  resetWithSmsCode,
  sendRecoveryEmail,
  sendRecoverySms,
  startPasswordRecovery,
} from "@/lib/accounts/recover-password";
import { sendSmsCode } from "@/lib/accounts/codes";
import { signInStudent } from "@/lib/accounts/sign-in";
import { startSession, resolveSession } from "@/lib/auth/sessions";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { normalizeAnswer } from "@/lib/accounts/security-questions";
import { writeSetting } from "@/lib/settings";
import { createAccount, latestCode, latestMessage, meta, randomPhone } from "./support";
import { LIMITS } from "@/lib/security/rate-limit";

afterEach(async () => {
  vi.useRealTimers();
  await db.setting.deleteMany({ where: { key: "recovery.securityQuestions" } });
});

async function captcha() {
  const c = await createCaptcha();
  return { captchaId: c.id, captchaAnswer: devCaptchaAnswer(c.id) ?? "" };
}

const NEW_PASSWORD = "换一个新的长密码吧";

describe("找回用户名 (SPEC §2.3)", () => {
  it("shows the masked usernames bound to ID number + name", async () => {
    const email = `u${Date.now()}@example.edu.cn`;
    const { account, idNumber } = await createAccount({ email, name: "阿依古丽·买买提" });
    const r = await recoverUsername(
      { idNumber: idNumber.toLowerCase(), name: "阿依古丽•买买提", ...(await captcha()) },
      meta(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    expect(r.value[0].phone).toBe(`${account.phone.slice(0, 3)}****${account.phone.slice(7)}`);
    expect(r.value[0].email).toBe(`${email[0]}***@example.edu.cn`);
    expect(JSON.stringify(r.value)).not.toContain(account.phone);
  });

  it("needs a solved picture captcha", async () => {
    const { idNumber, account } = await createAccount();
    const r = await recoverUsername(
      { idNumber, name: account.name, captchaId: (await createCaptcha()).id, captchaAnswer: "XXXX" },
      meta(),
    );
    expect(r.ok ? null : r.fieldErrors?.captcha?.key).toBe("signIn.captchaWrong");
  });

  it("counts wrong combinations: after 5 in an hour 请求被取消", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2034-01-01T00:00:00Z"));
    const { idNumber, account } = await createAccount();
    const m = meta();
    for (let i = 0; i < 5; i++) {
      const r = await recoverUsername({ idNumber, name: "不是这个人", ...(await captcha()) }, m);
      expect(r.ok ? null : r.error?.key).toBe("recover.username.noMatch");
    }
    const sixth = await recoverUsername({ idNumber, name: account.name, ...(await captcha()) }, m);
    expect(sixth.ok ? null : sixth.error?.key).toBe("recover.tooFrequent");
    // From another IP the same identity is refused too.
    const elsewhere = await recoverUsername({ idNumber, name: account.name, ...(await captcha()) }, meta());
    expect(elsewhere.ok ? null : elsewhere.error?.key).toBe("recover.tooFrequent");
    // Another student behind the same address is not refused.
    const classmate = await createAccount();
    const theirs = await recoverUsername(
      { idNumber: classmate.idNumber, name: classmate.account.name, ...(await captcha()) },
      m,
    );
    expect(theirs.ok).toBe(true);
    vi.setSystemTime(new Date("2034-01-01T01:00:01Z"));
    expect((await recoverUsername({ idNumber, name: account.name, ...(await captcha()) }, m)).ok).toBe(true);
  });
});

describe("找回密码 (SPEC §2.4)", () => {
  it("offers only the methods the account has", async () => {
    const plain = await createAccount();
    const r1 = await startPasswordRecovery({ username: plain.account.phone, ...(await captcha()) }, meta());
    expect(r1.ok && r1.value.methods).toEqual({ sms: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });

    const email = `m${Date.now()}@example.edu.cn`;
    const full = await createAccount({ email });
    await db.securityQuestion.create({
      data: {
        accountId: full.account.id,
        position: 1,
        questionKey: "birthplace",
        answerHash: await hashPassword(normalizeAnswer("北京")),
      },
    });
    const r2 = await startPasswordRecovery({ username: full.idNumber, ...(await captcha()) }, meta());
    expect(r2.ok && r2.value.methods).toEqual({
      sms: expect.any(String),
      email: `m***@example.edu.cn`,
      questions: ["birthplace"],
    });

    await writeSetting("recovery.securityQuestions", false);
    const r3 = await startPasswordRecovery({ username: full.idNumber, ...(await captcha()) }, meta());
    expect(r3.ok && r3.value.methods.questions).toBeUndefined();
  });

  it("wrong tries count per identity: 5 for one username do not block another from the same address", async () => {
    const m = meta();
    const a = randomPhone("135"); // a username nobody has
    const { account: b } = await createAccount();
    // 5 wrong tries aimed at A…
    for (let i = 0; i < 5; i++) {
      const r = await startPasswordRecovery({ username: a, ...(await captcha()) }, m);
      expect(r.ok ? null : r.error?.key).toBe("recover.password.unknownUser");
    }
    const sixth = await startPasswordRecovery({ username: a, ...(await captcha()) }, m);
    expect(sixth.ok ? null : sixth.error?.key).toBe("recover.tooFrequent");
    // …and B, behind the same campus address, is not refused.
    const other = await startPasswordRecovery({ username: b.phone, ...(await captcha()) }, m);
    expect(other.ok).toBe(true);
  });

  it("20 concurrent wrong tries for one identity: at most 5 are looked up", async () => {
    const target = randomPhone("136"); // a username nobody has
    const captchas = await Promise.all(Array.from({ length: 20 }, () => captcha()));
    const outcomes = await Promise.all(
      captchas.map((c, i) =>
        startPasswordRecovery({ username: target, ...c }, meta(`10.252.0.${i + 1}`)).then((r) =>
          r.ok ? "ok" : r.error?.key,
        ),
      ),
    );
    expect(outcomes.filter((k) => k === "recover.password.unknownUser")).toHaveLength(5);
    expect(outcomes.filter((k) => k === "recover.tooFrequent")).toHaveLength(15);
  });

  it(`an address is refused only after ${LIMITS.recoveryFailuresPerIpHour.points} wrong tries an hour`, async () => {
    const m = meta();
    const ceiling = LIMITS.recoveryFailuresPerIpHour.points;
    for (let i = 0; i < ceiling; i++) {
      const r = await startPasswordRecovery(
        { username: `1390000${String(i).padStart(4, "0")}`, ...(await captcha()) },
        m,
      );
      expect(r.ok ? null : r.error?.key).toBe("recover.password.unknownUser");
    }
    const { account } = await createAccount();
    const r = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, m);
    expect(r.ok ? null : r.error?.key).toBe("recover.tooFrequent");
    expect((await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta())).ok).toBe(
      true,
    );
  });

  it("SMS: a reset code works, a registration code for the same phone is refused", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2034-02-01T00:00:00Z"));
    const { account, password } = await createAccount();
    await sendSmsCode({ purpose: "register", phone: account.phone }, meta());
    const registerCode = await latestCode(account.phone);

    const start = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("start failed");
    const ticket = start.value.ticket;
    const refused = await resetWithSmsCode({
      ticket,
      code: registerCode,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(refused.ok).toBe(false);

    vi.setSystemTime(new Date("2034-02-01T00:01:01Z"));
    expect((await sendRecoverySms(ticket, meta())).ok).toBe(true);
    const resetCode = await latestCode(account.phone);
    // Same password rules as registration.
    const weak = await resetWithSmsCode({
      ticket,
      code: resetCode,
      password: "password123",
      confirmPassword: "password123",
    });
    expect(weak.ok ? null : weak.fieldErrors?.password?.key).toBe("passwords.common");

    const done = await resetWithSmsCode({
      ticket,
      code: resetCode,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.ok).toBe(true);
    expect((await signInStudent({ username: account.phone, password }, meta())).ok).toBe(false);
    expect((await signInStudent({ username: account.phone, password: NEW_PASSWORD }, meta())).ok).toBe(true);
    // Single use: neither the code nor the ticket works again.
    const replay = await resetWithSmsCode({
      ticket,
      code: resetCode,
      password: "再换一个新的长密码",
      confirmPassword: "再换一个新的长密码",
    });
    expect(replay.ok).toBe(false);
  });

  it("a reset ends every session at once and tells the owner on phone and e-mail", async () => {
    const email = `r${Date.now()}@example.edu.cn`;
    const { account } = await createAccount({ email });
    const phoneSession = await startSession({ accountId: account.id }, meta());
    const laptopSession = await startSession({ accountId: account.id }, meta());
    expect(await resolveSession(phoneSession.id)).not.toBeNull();

    const start = await startPasswordRecovery({ username: email, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("start failed");
    expect((await sendRecoveryEmail(start.value.ticket, "https://xueji.example.edu.cn")).ok).toBe(true);
    const mail = await latestMessage(email);
    const token = new URL(/https:\/\/\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(30);
    const row = await db.resetToken.findFirstOrThrow({
      where: { accountId: account.id, purpose: "reset_password_email" },
    });
    expect(row.tokenHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);

    const done = await resetWithEmailToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.ok).toBe(true);
    expect(await resolveSession(phoneSession.id)).toBeNull();
    expect(await resolveSession(laptopSession.id)).toBeNull();
    const revoked = await db.authSession.findUniqueOrThrow({ where: { id: phoneSession.id } });
    expect(revoked.revokeReason).toBe("password_reset");

    const sms = await latestMessage(account.phone);
    expect(sms?.body).toContain("重置");
    const notice = await latestMessage(email);
    expect(notice?.subject).toContain("安全提醒");
    expect(
      await db.notification.count({ where: { accountId: account.id, kind: "account.passwordReset" } }),
    ).toBe(1);

    // The link works once.
    const again = await resetWithEmailToken({
      token,
      password: "第三个新的长密码",
      confirmPassword: "第三个新的长密码",
    });
    expect(again.ok ? null : again.error?.key).toBe("recover.password.linkInvalid");
  });

  it("an e-mail link expires after 30 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2034-03-01T00:00:00Z"));
    const email = `x${Date.now()}@example.edu.cn`;
    await createAccount({ email });
    const start = await startPasswordRecovery({ username: email, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("start failed");
    await sendRecoveryEmail(start.value.ticket, "https://xueji.example.edu.cn");
    const mail = await latestMessage(email);
    const token = new URL(/https:\/\/\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    vi.setSystemTime(new Date("2034-03-01T00:30:01Z"));
    const late = await resetWithEmailToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(late.ok ? null : late.error?.key).toBe("recover.password.linkInvalid");
  });

  it("security questions: all must be right, wrong answers are limited like passwords", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2034-04-01T00:00:00Z"));
    const { account } = await createAccount();
    await db.securityQuestion.createMany({
      data: [
        {
          accountId: account.id,
          position: 1,
          questionKey: "birthplace",
          answerHash: await hashPassword(normalizeAnswer("北京市")),
        },
        {
          accountId: account.id,
          position: 2,
          questionKey: "mother_name",
          answerHash: await hashPassword(normalizeAnswer("王秀英")),
        },
      ],
    });
    const start = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("start failed");
    const ticket = start.value.ticket;
    for (let left = 4; left >= 1; left--) {
      const r = await resetWithAnswers({
        ticket,
        answers: ["北京市", "李秀英"],
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
      expect(r.ok ? null : r.error).toEqual({ key: "recover.questions.wrong", params: { left } });
    }
    const fifth = await resetWithAnswers({
      ticket,
      answers: ["北京市", "李秀英"],
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(fifth.ok ? null : fifth.error?.key).toBe("recover.questions.locked");
    const rightButLocked = await resetWithAnswers({
      ticket,
      answers: ["北京市", "王秀英"],
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(rightButLocked.ok ? null : rightButLocked.error?.key).toBe("recover.questions.locked");

    vi.setSystemTime(new Date("2034-04-01T01:00:05Z"));
    const again = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta());
    if (!again.ok) throw new Error("start failed");
    // Normalised: spaces, width, traditional forms do not matter.
    const ok = await resetWithAnswers({
      ticket: again.value.ticket,
      answers: [" 北京 市 ", "王秀英"],
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(ok.ok).toBe(true);
    const updated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(await verifyPassword(updated.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("says so when the admin switched security questions off", async () => {
    const { account } = await createAccount();
    await db.securityQuestion.create({
      data: {
        accountId: account.id,
        position: 1,
        questionKey: "birthplace",
        answerHash: await hashPassword("北京"),
      },
    });
    const start = await startPasswordRecovery({ username: account.phone, ...(await captcha()) }, meta());
    if (!start.ok) throw new Error("start failed");
    await writeSetting("recovery.securityQuestions", false);
    const r = await resetWithAnswers({
      ticket: start.value.ticket,
      answers: ["北京"],
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(r.ok ? null : r.error?.key).toBe("recover.password.methodUnavailable");
  });
});
