import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { unbindExternalIdentity } from "@/lib/external-sign-in/bindings";
import {
  changePassword,
  changePhone,
  requestEmailChange,
  requestPhoneChangeCode,
  setSecurityQuestions,
  updateNotificationSettings,
} from "@/lib/accounts/manage";
import { confirmEmail, describeEmailToken } from "@/lib/accounts/email";
import { accountOverview, loginLog } from "@/lib/accounts/overview";
import { signInStudent } from "@/lib/accounts/sign-in";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import type { StudentActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/security/passwords";
import { createAccount, latestCode, latestMessage, meta, randomPhone } from "./support";

afterEach(() => vi.useRealTimers());

async function signedIn(options: Parameters<typeof createAccount>[0] = {}) {
  const created = await createAccount(options);
  const session = await startSession({ accountId: created.account.id }, meta());
  const actor: StudentActor = {
    kind: "student",
    accountId: created.account.id,
    sessionId: session.id,
    identityStatus: "verified",
  };
  return { ...created, actor };
}

const BASE = "https://xueji.example.edu.cn";
const emptyQuestions = [
  { questionKey: "", answer: "" },
  { questionKey: "", answer: "" },
  { questionKey: "", answer: "" },
];

describe("change password", () => {
  it("needs the current password, applies the policy, ends every other session but this one", async () => {
    const { actor, password, account } = await signedIn();
    const other = await startSession({ accountId: account.id }, meta());

    const wrong = await changePassword(actor, {
      currentPassword: "not it at all",
      password: "全新的一个长密码",
      confirmPassword: "全新的一个长密码",
    });
    expect(wrong.ok ? null : wrong.fieldErrors?.currentPassword?.key).toBe("account.currentPasswordWrong");
    const weak = await changePassword(actor, {
      currentPassword: password,
      password: "qwertyuiop",
      confirmPassword: "qwertyuiop",
    });
    expect(weak.ok ? null : weak.fieldErrors?.password?.key).toBe("passwords.common");
    const withPhone = await changePassword(actor, {
      currentPassword: password,
      password: `x${account.phone}`,
      confirmPassword: `x${account.phone}`,
    });
    expect(withPhone.ok ? null : withPhone.fieldErrors?.password?.key).toBe("passwords.containsPhone");

    const ok = await changePassword(actor, {
      currentPassword: password,
      password: "全新的一个长密码",
      confirmPassword: "全新的一个长密码",
    });
    expect(ok.ok).toBe(true);
    expect(await resolveSession(other.id)).toBeNull();
    expect(await resolveSession(actor.sessionId)).not.toBeNull();
    expect((await signInStudent({ username: account.phone, password: "全新的一个长密码" }, meta())).ok).toBe(
      true,
    );
    expect(
      await db.notification.count({ where: { accountId: account.id, kind: "account.passwordChanged" } }),
    ).toBe(1);
  });
});

describe("change phone", () => {
  it("sends the code to the NEW phone, needs the password, moves the phone and tells both numbers", async () => {
    const { actor, password, account } = await signedIn();
    const newPhone = randomPhone("138");
    const sent = await requestPhoneChangeCode(actor, { newPhone }, meta());
    expect(sent.ok).toBe(true);
    const code = await latestCode(newPhone);

    const badPassword = await changePhone(actor, { newPhone, code, currentPassword: "wrong password" });
    expect(badPassword.ok ? null : badPassword.fieldErrors?.currentPassword?.key).toBe(
      "account.currentPasswordWrong",
    );
    const ok = await changePhone(actor, { newPhone, code, currentPassword: password });
    expect(ok.ok).toBe(true);
    const updated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(updated.phone).toBe(newPhone);
    expect((await latestMessage(account.phone))?.body).toContain("更换");
    expect((await latestMessage(newPhone))?.body).toContain("更换");
    expect((await signInStudent({ username: newPhone, password }, meta())).ok).toBe(true);
    expect((await signInStudent({ username: account.phone, password }, meta())).ok).toBe(false);
  });

  it("refuses a phone another account holds (told only after the code) and a code for another purpose", async () => {
    const { actor, password } = await signedIn();
    const { account: other } = await createAccount();
    expect((await requestPhoneChangeCode(actor, { newPhone: other.phone }, meta())).ok).toBe(true);
    const code = await latestCode(other.phone);
    const taken = await changePhone(actor, { newPhone: other.phone, code, currentPassword: password });
    expect(taken.ok ? null : taken.fieldErrors?.newPhone?.key).toBe("account.phone.taken");

    const bad = await requestPhoneChangeCode(actor, { newPhone: "12345" }, meta());
    expect(bad.ok ? null : bad.fieldErrors?.newPhone?.key).toBe("register.phone.invalid");
  });
});

describe("security e-mail", () => {
  it("counts only after the link is followed; the link works once", async () => {
    const { actor, password, account } = await signedIn();
    const email = `e${Date.now()}@example.edu.cn`;
    const r = await requestEmailChange(actor, { email, currentPassword: password }, BASE);
    expect(r.ok).toBe(true);
    let row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row).toMatchObject({ pendingEmail: email, email: null, emailVerifiedAt: null });
    expect((await signInStudent({ username: email, password }, meta())).ok).toBe(false);

    const mail = await latestMessage(email);
    const token = new URL(/https:\/\/\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    expect(await describeEmailToken(token)).toEqual({ email });
    expect((await confirmEmail(token)).ok).toBe(true);
    row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.email).toBe(email);
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(row.pendingEmail).toBeNull();
    expect((await signInStudent({ username: email, password }, meta())).ok).toBe(true);
    expect((await confirmEmail(token)).ok).toBe(false);
  });

  it("an address verified by someone else cannot be taken", async () => {
    const email = `t${Date.now()}@example.edu.cn`;
    await createAccount({ email });
    const { actor, password } = await signedIn();
    await requestEmailChange(actor, { email, currentPassword: password }, BASE);
    const mail = await latestMessage(email);
    const token = new URL(/https:\/\/\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    const r = await confirmEmail(token);
    expect(r.ok ? null : r.error?.key).toBe("account.email.taken");
  });
});

describe("security questions, notifications, overview, login log", () => {
  it("sets, replaces and clears the questions; completeness follows", async () => {
    const { actor, password } = await signedIn();
    let overview = await accountOverview(actor);
    expect(overview.completeness.percent).toBe(60);
    const set = await setSecurityQuestions(actor, {
      currentPassword: password,
      questions: [
        { questionKey: "birthplace", answer: "广州" },
        { questionKey: "primary_school", answer: "实验小学" },
        { questionKey: "", answer: "" },
      ],
    });
    expect(set.ok && set.value.count).toBe(2);
    overview = await accountOverview(actor);
    expect(overview.questions.map((q) => q.questionKey)).toEqual(["birthplace", "primary_school"]);
    expect(overview.completeness.percent).toBe(80);
    const cleared = await setSecurityQuestions(actor, {
      currentPassword: password,
      questions: emptyQuestions,
    });
    expect(cleared.ok && cleared.value.count).toBe(0);
  });

  it("saves the notification choices and lists this account's sign-ins only", async () => {
    const { actor, account, password } = await signedIn();
    await updateNotificationSettings(actor, { notifyBySms: false, notifyByEmail: true });
    const row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row).toMatchObject({ notifyBySms: false, notifyByEmail: true });
    await signInStudent({ username: account.phone, password }, meta());
    await signInStudent({ username: account.phone, password: "nope nope" }, meta());
    const other = await createAccount();
    await signInStudent({ username: other.account.phone, password: other.password }, meta());
    const log = await loginLog(actor);
    expect(log.map((e) => e.outcome)).toEqual(["bad_password", "success"]);
  });

  it("cannot unbind someone else's external sign-in", async () => {
    const { actor } = await signedIn();
    const other = await createAccount();
    const provider = await db.signInProvider.create({
      data: {
        slug: `wechat-${Date.now()}`,
        nameZh: "微信",
        nameEn: "WeChat",
        issuer: "https://open.example.com",
        clientId: "portal",
        audience: "students",
      },
    });
    const binding = await db.externalIdentity.create({
      data: { accountId: other.account.id, providerId: provider.id, subject: `sub-${Date.now()}` },
    });
    const r = await unbindExternalIdentity(actor, binding.id);
    expect(r.ok ? null : r.error?.key).toBe("account.external.notFound");
    expect(await db.externalIdentity.count({ where: { id: binding.id } })).toBe(1);
  });

  it("a wrong current password counts towards the sign-in lock", async () => {
    const { actor, account, password } = await signedIn();
    for (let i = 0; i < 10; i++)
      await changePassword(actor, {
        currentPassword: "wrong",
        password: "全新的一个长密码",
        confirmPassword: "全新的一个长密码",
      });
    const r = await changePassword(actor, {
      currentPassword: password,
      password: "全新的一个长密码",
      confirmPassword: "全新的一个长密码",
    });
    expect(r.ok ? null : r.error?.key).toBe("signIn.locked");
    const row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
  });
});
