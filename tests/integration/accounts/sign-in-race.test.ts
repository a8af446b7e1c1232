/**
 * Concurrent wrong passwords for one account, each from its own address (a botnet): the attempt is counted
 * before the password is verified, so however the requests interleave, at most 3 are verified without the
 * picture captcha and at most 10 before the lock. Runs on SQLite and, with TEST_DB=postgres, PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInStudent, CAPTCHA_AFTER_FAILURES } from "@/lib/accounts/sign-in";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { LIMITS } from "@/lib/security/rate-limit";
import { createAccount, meta } from "./support";

const ATTEMPTS = 100;

function keyOf(r: Awaited<ReturnType<typeof signInStudent>>): string {
  if (r.ok) return "ok";
  return r.error?.key ?? Object.values(r.fieldErrors ?? {})[0]?.key ?? "?";
}

async function verifiedAttempts(accountId: string): Promise<number> {
  return db.loginEvent.count({ where: { accountId, outcome: "bad_password" } });
}

describe("sign-in counters under concurrent attempts", () => {
  it(`${ATTEMPTS} concurrent wrong passwords without a captcha: only ${CAPTCHA_AFTER_FAILURES} are verified`, async () => {
    const { account, password } = await createAccount();
    const outcomes = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        signInStudent(
          { username: account.phone, password: `wrong guess ${i}` },
          meta(`10.250.${Math.floor(i / 200)}.${(i % 200) + 1}`),
        ).then(keyOf),
      ),
    );
    expect(await verifiedAttempts(account.id)).toBe(CAPTCHA_AFTER_FAILURES);
    expect(outcomes.filter((k) => k.startsWith("signIn.invalid"))).toHaveLength(CAPTCHA_AFTER_FAILURES);
    // The rest were asked for the picture (or, while the burst was in flight, told of the lock) unverified.
    expect(outcomes.filter((k) => k === "signIn.captchaRequired" || k === "signIn.locked")).toHaveLength(
      ATTEMPTS - CAPTCHA_AFTER_FAILURES,
    );
    // Those were taken back: the owner, with the captcha, signs in — the burst locked nothing.
    const captcha = await createCaptcha();
    const owner = await signInStudent(
      {
        username: account.phone,
        password,
        captchaId: captcha.id,
        captchaAnswer: devCaptchaAnswer(captcha.id) ?? "",
      },
      meta(),
    );
    expect(owner.ok).toBe(true);
  });

  it(`${ATTEMPTS} concurrent wrong passwords with solved captchas: at most 10 verified, then the lock holds`, async () => {
    const { account, password } = await createAccount();
    const captchas = await Promise.all(Array.from({ length: ATTEMPTS }, () => createCaptcha()));
    const outcomes = await Promise.all(
      captchas.map((captcha, i) =>
        signInStudent(
          {
            username: account.phone,
            password: `wrong guess ${i}`,
            captchaId: captcha.id,
            captchaAnswer: devCaptchaAnswer(captcha.id) ?? "",
          },
          meta(`10.251.${Math.floor(i / 200)}.${(i % 200) + 1}`),
        ).then(keyOf),
      ),
    );
    const limit = LIMITS.loginFailuresPerAccount.points;
    expect(await verifiedAttempts(account.id)).toBe(limit);
    expect(outcomes.filter((k) => k === "signIn.locked")).toHaveLength(ATTEMPTS - limit + 1);
    // The right password is refused while the lock lasts.
    const captcha = await createCaptcha();
    const owner = await signInStudent(
      {
        username: account.phone,
        password,
        captchaId: captcha.id,
        captchaAnswer: devCaptchaAnswer(captcha.id) ?? "",
      },
      meta(),
    );
    expect(keyOf(owner)).toBe("signIn.locked");
  });
});
