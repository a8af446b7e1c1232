import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { captchaRequired, signInStudent } from "@/lib/accounts/sign-in";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { resolveSession, sessionLimits } from "@/lib/auth/sessions";
import { createAccount, meta, randomIp } from "./support";

afterEach(() => vi.useRealTimers());

async function solvedCaptcha() {
  const captcha = await createCaptcha();
  return { captchaId: captcha.id, captchaAnswer: devCaptchaAnswer(captcha.id) ?? "" };
}

describe("student sign-in (SPEC §2.2)", () => {
  it("signs in with phone, ID number and verified e-mail; logs every attempt", async () => {
    const email = `s${Date.now()}@example.edu.cn`;
    const { account, password, idNumber } = await createAccount({ email });
    const m = meta();
    for (const username of [account.phone, idNumber, email.toUpperCase()]) {
      const r = await signInStudent({ username, password }, m);
      expect(r.ok, username).toBe(true);
      if (r.ok) expect(await resolveSession(r.value.sessionId)).toMatchObject({ accountId: account.id });
    }
    const bad = await signInStudent({ username: account.phone, password: "wrong password here" }, m);
    expect(bad).toEqual({ ok: false, error: { key: "signIn.invalidLeft", params: { left: 9 } } });
    const log = await db.loginEvent.findMany({
      where: { accountId: account.id },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((e) => e.outcome)).toEqual(["success", "success", "success", "bad_password"]);
    expect(log[0]).toMatchObject({ ip: m.ip, userAgent: m.userAgent });
  });

  it("the session row and log entry a sign-in writes read back with their times, address and browser", async () => {
    const { account, password } = await createAccount();
    const m = meta();
    const before = Date.now();
    const r = await signInStudent({ username: account.phone, password }, m);
    const after = Date.now();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const session = await db.authSession.findUniqueOrThrow({ where: { id: r.value.sessionId } });
    expect(session).toMatchObject({
      accountId: account.id,
      staffUserId: null,
      ip: m.ip,
      userAgent: m.userAgent,
      method: "password",
      revokedAt: null,
    });
    expect(session.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(session.createdAt.getTime()).toBeLessThanOrEqual(after);
    expect(session.lastSeenAt.getTime()).toBe(session.createdAt.getTime());
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(sessionLimits().absoluteMs);
    // the session is live now and found among the account's live sessions
    expect(
      await db.authSession.count({
        where: { accountId: account.id, revokedAt: null, expiresAt: { gt: new Date() } },
      }),
    ).toBe(1);
    const [event] = await db.loginEvent.findMany({ where: { accountId: account.id } });
    expect(event).toMatchObject({ outcome: "success", method: "password", ip: m.ip, userAgent: m.userAgent });
    expect(event.createdAt.getTime()).toBe(session.createdAt.getTime());
  });

  it("a pending e-mail (not yet verified) is not a username", async () => {
    const { account, password } = await createAccount();
    const pendingEmail = `p${Date.now()}@example.edu.cn`;
    await db.account.update({ where: { id: account.id }, data: { pendingEmail } });
    expect((await signInStudent({ username: pendingEmail, password }, meta())).ok).toBe(false);
  });

  it("asks for the picture captcha after 3 failures and refuses without it", async () => {
    const { account, password } = await createAccount();
    const m = meta();
    for (let i = 0; i < 3; i++) {
      expect(await captchaRequired(account.phone, m.ip)).toBe(false);
      await signInStudent({ username: account.phone, password: "nope-nope-nope" }, m);
    }
    expect(await captchaRequired(account.phone, m.ip)).toBe(true);
    // From another IP too: the account's failures count, not just the address's.
    expect(await captchaRequired(account.phone, randomIp())).toBe(true);
    // A form that showed no picture is asked for one — never told its (absent) answer was wrong — and
    // nothing is counted or logged as a failed captcha.
    const noCaptcha = await signInStudent({ username: account.phone, password }, m);
    expect(noCaptcha.ok ? null : noCaptcha.fieldErrors?.captcha?.key).toBe("signIn.captchaRequired");
    expect(await db.loginEvent.count({ where: { accountId: account.id, outcome: "captcha_failed" } })).toBe(
      0,
    );
    const wrongCaptcha = await signInStudent(
      { username: account.phone, password, captchaId: (await createCaptcha()).id, captchaAnswer: "0000" },
      m,
    );
    expect(wrongCaptcha.ok ? null : wrongCaptcha.fieldErrors?.captcha?.key).toBe("signIn.captchaWrong");
    const ok = await signInStudent({ username: account.phone, password, ...(await solvedCaptcha()) }, m);
    expect(ok.ok).toBe(true);
  });

  it("locks the account for 15 minutes after 10 failures in 15 minutes, tells the owner, says until when", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.parse("2033-05-05T01:00:00Z");
    vi.setSystemTime(t0);
    const { account, password } = await createAccount();
    let last;
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(t0 + i * 30_000);
      last = await signInStudent(
        { username: account.phone, password: "bad", ...(await solvedCaptcha()) },
        meta(),
      );
    }
    const lockedAt = t0 + 9 * 30_000;
    expect(last).toEqual({
      ok: false,
      error: { key: "signIn.locked", params: { until: new Date(lockedAt + 15 * 60_000).toISOString() } },
    });
    // The right password does not help while locked.
    vi.setSystemTime(lockedAt + 14 * 60_000);
    const during = await signInStudent(
      { username: account.phone, password, ...(await solvedCaptcha()) },
      meta(),
    );
    expect(during.ok ? null : during.error?.key).toBe("signIn.locked");
    expect(during.ok ? null : Date.parse(String(during.error?.params?.until))).toBe(lockedAt + 15 * 60_000);

    const notice = await db.notification.findFirst({
      where: { accountId: account.id, kind: "account.locked" },
    });
    expect(notice).not.toBeNull();
    const sms = await db.outboundMessage.findFirst({
      where: { to: account.phone },
      orderBy: { createdAt: "desc" },
    });
    expect(sms?.body).toContain("锁定");
    expect(await db.loginEvent.count({ where: { accountId: account.id, outcome: "locked" } })).toBe(1);

    vi.setSystemTime(lockedAt + 15 * 60_000 + 1000);
    const after = await signInStudent(
      { username: account.phone, password, ...(await solvedCaptcha()) },
      meta(),
    );
    expect(after.ok).toBe(true);
  });

  it("says how many tries are left before the lock, counting down to the last one", async () => {
    const { account } = await createAccount();
    const answers = [];
    for (let i = 0; i < 10; i++) {
      const r = await signInStudent(
        { username: account.phone, password: "bad-bad-bad", ...(await solvedCaptcha()) },
        meta(),
      );
      answers.push(
        r.ok ? "ok" : r.error?.params?.left !== undefined ? `left ${r.error.params.left}` : r.error?.key,
      );
    }
    expect(answers).toEqual([
      "left 9",
      "left 8",
      "left 7",
      "left 6",
      "left 5",
      "left 4",
      "left 3",
      "left 2",
      "signIn.invalidLast",
      "signIn.locked",
    ]);
  });

  it("nine failures spread over more than 15 minutes do not lock", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.parse("2033-06-06T01:00:00Z");
    const { account, password } = await createAccount();
    for (let i = 0; i < 9; i++) {
      vi.setSystemTime(t0 + i * 60_000);
      await signInStudent({ username: account.phone, password: "bad", ...(await solvedCaptcha()) }, meta());
    }
    vi.setSystemTime(t0 + 16 * 60_000);
    for (let i = 0; i < 2; i++)
      await signInStudent({ username: account.phone, password: "bad", ...(await solvedCaptcha()) }, meta());
    const r = await signInStudent({ username: account.phone, password, ...(await solvedCaptcha()) }, meta());
    expect(r.ok).toBe(true);
  });

  it("an unknown username is refused like a wrong password and counted", async () => {
    const m = meta();
    const r = await signInStudent({ username: "13000000000", password: "whatever-long" }, m);
    expect(r).toMatchObject({ ok: false, error: { key: "signIn.invalidLeft" } });
    expect(await db.loginEvent.count({ where: { ip: m.ip, outcome: "unknown_user" } })).toBe(1);
  });
});
