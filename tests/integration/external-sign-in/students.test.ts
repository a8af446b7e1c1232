import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endSession, resolveSession } from "@/lib/auth/sessions";
import { listBindings, unbindExternalIdentity } from "@/lib/external-sign-in/bindings";
import { startBinding } from "@/lib/external-sign-in/start";
import { block, usedPoints } from "@/lib/security/rate-limit";
import { createAccount } from "../accounts/support";
import { lastAudit } from "../admin/fixtures";
import {
  bindThroughProvider,
  browser,
  callback,
  PORTAL,
  setUpProvider,
  signInThroughProvider,
  studentSession,
  testUser,
  type Setup,
} from "./support";

/**
 * Students bind an external account on /account (after the password) and then sign in with it. Nothing is
 * ever created or matched by name: an unbound subject is told so; the lock, cancellation and pending
 * identity rules of password sign-in apply.
 */
let setup: Setup;
const alipayLike = testUser({
  claims: { name: "张伟", email: "zhangwei@example.com", email_verified: true },
});

beforeAll(async () => {
  setup = await setUpProvider({ audience: "students", users: [alipayLike] });
});
afterAll(() => setup.close());

describe("binding on /account", () => {
  it("needs the current password; a wrong one is refused at the field and counts toward the lock", async () => {
    const { account } = await createAccount();
    const actor = await studentSession(account.id);
    const b = browser();
    const r = await startBinding(
      actor,
      { slug: setup.slug, currentPassword: "not my password" },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    expect(r.ok ? null : r.fieldErrors?.currentPassword?.key).toBe("account.currentPasswordWrong");
    expect(await db.oidcAuthState.count({ where: { accountId: account.id } })).toBe(0);
    expect(await usedPoints("loginFailuresPerAccount", account.id)).toBe(1);
  });

  it("binds, shows the binding masked, signs in with it, and unbinds", async () => {
    const { account, password } = await createAccount({ name: "张伟" });
    const actor = await studentSession(account.id);
    const user = testUser();
    setup.users.push(user);
    const { outcome } = await bindThroughProvider(setup, actor, password, user);
    expect(outcome).toEqual({ kind: "bound" });
    expect(await lastAudit("account.external.bind")).toMatchObject({
      actorType: "student",
      actorId: account.id,
    });
    const notice = await db.notification.findFirst({
      where: { accountId: account.id, kind: "account.externalBound" },
    });
    expect(notice).not.toBeNull();

    const [binding] = await listBindings(actor);
    expect(binding.provider.slug).toBe(setup.slug);
    expect(binding.subjectMasked).toBe(`${user.sub.slice(0, 4)}****${user.sub.slice(-4)}`);
    expect(JSON.stringify(await listBindings(actor))).not.toContain(user.sub);

    // signed out; later signs in through the provider into the same account
    await endSession(actor.sessionId);
    const { back, browser: b } = await signInThroughProvider(setup, "students", user);
    const signedIn = await callback(setup, back, b);
    expect(signedIn).toMatchObject({ kind: "signedIn", audience: "student", identityStatus: "verified" });
    if (signedIn.kind !== "signedIn") return;
    expect(await resolveSession(signedIn.sessionId)).toMatchObject({
      kind: "student",
      accountId: account.id,
    });
    const log = await db.loginEvent.findFirstOrThrow({
      where: { accountId: account.id },
      orderBy: { createdAt: "desc" },
    });
    expect(log).toMatchObject({ outcome: "success", method: "oidc", signInProviderId: setup.providerId });
    expect((await listBindings(actor))[0].lastSignInAt).not.toBeNull();

    const again = await studentSession(account.id);
    expect((await unbindExternalIdentity(again, binding.id)).ok).toBe(true);
    expect(await lastAudit("account.external.unbind", binding.id)).not.toBeNull();
    const next = await signInThroughProvider(setup, "students", user);
    expect(await callback(setup, next.back, next.browser)).toMatchObject({ reason: "unbound" });
  });

  it("never matches by name or e-mail: an unbound subject is told so and nothing is created", async () => {
    // an account with the very same name and e-mail as the external identity exists
    await createAccount({ name: "张伟", email: "zhangwei@example.com" });
    const accounts = await db.account.count();
    const { back, browser: b } = await signInThroughProvider(setup, "students", alipayLike);
    expect(await callback(setup, back, b)).toMatchObject({
      kind: "failed",
      audience: "student",
      reason: "unbound",
    });
    expect(await db.account.count()).toBe(accounts);
    expect(await db.externalIdentity.count({ where: { subject: alipayLike.sub } })).toBe(0);
  });

  it("refuses a subject already bound to another account without saying which", async () => {
    const user = testUser();
    setup.users.push(user);
    const first = await createAccount();
    expect(
      (await bindThroughProvider(setup, await studentSession(first.account.id), first.password, user))
        .outcome,
    ).toEqual({
      kind: "bound",
    });
    const second = await createAccount();
    const { outcome } = await bindThroughProvider(
      setup,
      await studentSession(second.account.id),
      second.password,
      user,
    );
    expect(outcome).toEqual({
      kind: "failed",
      audience: "bind",
      reason: "already_bound_elsewhere",
      until: undefined,
    });
    expect(await db.externalIdentity.count({ where: { accountId: second.account.id } })).toBe(0);
  });

  it("finishes a binding only in the session that started it", async () => {
    const user = testUser();
    setup.users.push(user);
    const { account, password } = await createAccount();
    const actor = await studentSession(account.id);
    const b = browser();
    const started = await startBinding(
      actor,
      { slug: setup.slug, currentPassword: password },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    if (!started.ok) throw new Error("not started");
    const { signInAtProvider } = await import("../../support/oidc/browser");
    const back = await signInAtProvider(started.value.url, user, `${PORTAL}/oidc/callback/`);
    await endSession(actor.sessionId); // signed out (or signed out everywhere) meanwhile
    expect(await callback(setup, back, b, actor.sessionId)).toMatchObject({ reason: "session_changed" });
    expect(await db.externalIdentity.count({ where: { accountId: account.id } })).toBe(0);
  });
});

describe("signing in with a binding follows the password rules", () => {
  async function boundAccount() {
    const user = testUser();
    setup.users.push(user);
    const { account, password } = await createAccount();
    await bindThroughProvider(setup, await studentSession(account.id), password, user);
    return { account, user };
  }

  it("a locked account stays locked", async () => {
    const { account, user } = await boundAccount();
    await block("loginFailuresPerAccount", account.id, 900);
    const { back, browser: b } = await signInThroughProvider(setup, "students", user);
    expect(await callback(setup, back, b)).toMatchObject({ kind: "failed", reason: "locked" });
    const log = await db.loginEvent.findFirstOrThrow({
      where: { accountId: account.id },
      orderBy: { createdAt: "desc" },
    });
    expect(log).toMatchObject({ outcome: "locked", method: "oidc" });
  });

  it("a cancelled account cannot sign in", async () => {
    const { account, user } = await boundAccount();
    await db.account.update({
      where: { id: account.id },
      data: { identityStatus: "cancelled", cancelledAt: new Date() },
    });
    const { back, browser: b } = await signInThroughProvider(setup, "students", user);
    expect(await callback(setup, back, b)).toMatchObject({ kind: "failed", reason: "cancelled" });
  });

  it("a pending account signs in as pending (its pages only lead to /identity)", async () => {
    const { account, user } = await boundAccount();
    await db.account.update({
      where: { id: account.id },
      data: { identityStatus: "pending", verifiedIdIndex: null },
    });
    const { back, browser: b } = await signInThroughProvider(setup, "students", user);
    const outcome = await callback(setup, back, b);
    expect(outcome).toMatchObject({ kind: "signedIn", identityStatus: "pending" });
    if (outcome.kind === "signedIn")
      expect(await resolveSession(outcome.sessionId)).toMatchObject({ identityStatus: "pending" });
  });

  it("a staff-only provider cannot be used by students, nor a student provider by staff", async () => {
    const b = browser();
    const { startSignIn } = await import("@/lib/external-sign-in/start");
    const r = await startSignIn(
      { slug: setup.slug, audience: "staff" },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    expect(r.ok ? null : r.error?.key).toBe("sso.errors.not_configured");
  });
});
