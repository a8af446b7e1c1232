/**
 * Staff sign-in cannot be used as a weapon: a stranger's wrong passwords bring the picture captcha and lock
 * the account for the stranger's address only; the member of staff at another address still signs in.
 * Attempts are counted before the password is verified, so a burst cannot skip the captcha. SQLite and,
 * with TEST_DB=postgres, PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInStaff, staffCaptchaRequired } from "@/lib/staff/sign-in";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { makeStaff } from "./fixtures";

const strangerAt = (ip: string) => ({ ip, userAgent: "curl/8" });

async function solved() {
  const captcha = await createCaptcha();
  return { captchaId: captcha.id, captchaAnswer: devCaptchaAnswer(captcha.id) ?? "" };
}

function keyOf(r: Awaited<ReturnType<typeof signInStaff>>): string {
  if (r.ok) return "ok";
  return r.error?.key ?? Object.values(r.fieldErrors ?? {})[0]?.key ?? "?";
}

async function usernameOf(staffUserId: string) {
  return (await db.staffUser.findUniqueOrThrow({ where: { id: staffUserId } })).username;
}

describe("staff sign-in: captcha and a lock strangers cannot use", () => {
  it("10 wrong passwords from one address lock that address only; the right password from another works", async () => {
    const { actor, password } = await makeStaff("admin");
    const username = await usernameOf(actor.staffUserId);
    const stranger = strangerAt("198.51.100.66");

    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const extra = i >= 3 ? await solved() : {};
      outcomes.push(keyOf(await signInStaff({ username, password: `guess ${i}`, ...extra }, stranger)));
    }
    expect(outcomes).toEqual([...Array(9).fill("signIn.invalidStaff"), "signIn.locked"]);
    // The stranger's address is locked, even with the right password.
    expect(keyOf(await signInStaff({ username, password, ...(await solved()) }, stranger))).toBe(
      "signIn.locked",
    );

    // The registrar at their own desk: asked for the captcha (the account saw failures), then in.
    const desk = strangerAt("10.20.30.40");
    expect(await staffCaptchaRequired(username, desk.ip)).toBe(true);
    const noCaptcha = await signInStaff({ username, password }, desk);
    expect(keyOf(noCaptcha)).toBe("signIn.captchaRequired");
    const signedIn = await signInStaff({ username, password, ...(await solved()) }, desk);
    expect(signedIn.ok).toBe(true);
  });

  it("asks for the captcha after 3 failures; 50 concurrent guesses verify only 3 without one", async () => {
    const { actor } = await makeStaff("registrar");
    const username = await usernameOf(actor.staffUserId);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        signInStaff({ username, password: `guess ${i}` }, strangerAt(`203.0.113.${i + 1}`)).then(keyOf),
      ),
    );
    expect(
      await db.loginEvent.count({ where: { staffUserId: actor.staffUserId, outcome: "bad_password" } }),
    ).toBe(3);
    expect(results.filter((k) => k === "signIn.invalidStaff")).toHaveLength(3);
    expect(results.filter((k) => k === "signIn.captchaRequired")).toHaveLength(47);
    const wrongPicture = await signInStaff(
      { username, password: "guess", captchaId: (await createCaptcha()).id, captchaAnswer: "0000" },
      strangerAt("203.0.113.99"),
    );
    expect(keyOf(wrongPicture)).toBe("signIn.captchaWrong");
  });
});
