import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveSession } from "@/lib/auth/sessions";
import { linkStaff, unlinkStaff } from "@/lib/external-sign-in/staff-links";
import { signInStaff, staffKeys } from "@/lib/staff/sign-in";
import { block } from "@/lib/security/rate-limit";
import { lastAudit, makeCollege, makeStaff } from "../admin/fixtures";
import { meta } from "../accounts/support";
import { callback, setUpProvider, signInThroughProvider, testUser, type Setup } from "./support";

/**
 * Staff single sign-on (统一身份认证) against a real OpenID Provider on loopback: links by subject and by a
 * verified claim, refusals that create nothing, and roles and scopes that stay the portal's.
 */
const byEmail = testUser({ claims: { email: "Li.Lei@Example.EDU.cn", email_verified: true } });
const unverified = testUser({ claims: { email: "han.mei@example.edu.cn", email_verified: false } });
const bySubject = testUser();
const stranger = testUser({ claims: { email: "nobody@example.edu.cn", email_verified: true } });
let setup: Setup;

beforeAll(async () => {
  setup = await setUpProvider({
    audience: "staff",
    staffClaim: "email",
    users: [byEmail, unverified, bySubject, stranger],
  });
});
afterAll(() => setup.close());

describe("staff sign-in through the campus identity system", () => {
  it("signs in a staff member linked by subject into their own roles and college scope", async () => {
    const college = await makeCollege("单点");
    const { actor: staff } = await makeStaff("college", {
      collegeIds: [college.id],
      mustChangePassword: true,
    });
    const { actor: admin } = await makeStaff("admin");
    const linked = await linkStaff(admin, staff.staffUserId, {
      providerId: setup.providerId,
      subject: bySubject.sub,
    });
    expect(linked.ok).toBe(true);
    expect((await lastAudit("sso.staffLink.create", staff.staffUserId))?.actorId).toBe(admin.staffUserId);

    const { back, browser } = await signInThroughProvider(setup, "staff", bySubject);
    const outcome = await callback(setup, back, browser);
    expect(outcome.kind).toBe("signedIn");
    if (outcome.kind !== "signedIn") return;
    const actor = await resolveSession(outcome.sessionId);
    expect(actor).toMatchObject({
      kind: "staff",
      staffUserId: staff.staffUserId,
      roles: ["college"],
      collegeIds: [college.id],
      // the portal password is not what this session used, so it is not forced to change it
      mustChangePassword: false,
    });
    const session = await db.authSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session.method).toBe("oidc");
    const event = await db.loginEvent.findFirstOrThrow({
      where: { staffUserId: staff.staffUserId },
      orderBy: { createdAt: "desc" },
    });
    expect(event).toMatchObject({ outcome: "success", method: "oidc", signInProviderId: setup.providerId });
  });

  it("links by a verified e-mail at the first sign-in and pins the link to that subject", async () => {
    const { actor: staff } = await makeStaff("registrar");
    const { actor: admin } = await makeStaff("admin");
    expect(
      (
        await linkStaff(admin, staff.staffUserId, {
          providerId: setup.providerId,
          claimValue: "li.lei@example.edu.cn",
        })
      ).ok,
    ).toBe(true);
    const { back, browser } = await signInThroughProvider(setup, "staff", byEmail);
    const outcome = await callback(setup, back, browser);
    expect(outcome.kind).toBe("signedIn");
    const link = await db.staffExternalLink.findFirstOrThrow({ where: { staffUserId: staff.staffUserId } });
    expect(link.subject).toBe(byEmail.sub);
    expect(await lastAudit("sso.staffLink.pinned", staff.staffUserId)).not.toBeNull();
  });

  it("does not link by an e-mail the provider has not verified", async () => {
    const { actor: staff } = await makeStaff("support");
    const { actor: admin } = await makeStaff("admin");
    await linkStaff(admin, staff.staffUserId, {
      providerId: setup.providerId,
      claimValue: "han.mei@example.edu.cn",
    });
    const { back, browser } = await signInThroughProvider(setup, "staff", unverified);
    expect(await callback(setup, back, browser)).toMatchObject({ kind: "failed", reason: "unknown_staff" });
    const link = await db.staffExternalLink.findFirstOrThrow({ where: { staffUserId: staff.staffUserId } });
    expect(link.subject).toBeNull();
  });

  it("refuses an unknown subject with an audit entry and creates no account", async () => {
    const staffBefore = await db.staffUser.count();
    const { back, browser } = await signInThroughProvider(setup, "staff", stranger);
    const outcome = await callback(setup, back, browser);
    expect(outcome).toMatchObject({ kind: "failed", audience: "staff", reason: "unknown_staff" });
    expect(await db.staffUser.count()).toBe(staffBefore);
    const entry = await lastAudit("sso.refused", setup.providerId);
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ reason: "unknown_staff", provider: setup.slug });
    // the subject is masked in the log
    expect(entry?.after).not.toContain(stranger.sub);
  });

  it("refuses a disabled or locked staff account as a password would be", async () => {
    const { actor: admin } = await makeStaff("admin");
    const disabledUser = testUser();
    const lockedUser = testUser();
    setup.users.push(disabledUser, lockedUser);
    const { actor: disabled } = await makeStaff("college");
    await db.staffUser.update({ where: { id: disabled.staffUserId }, data: { disabledAt: new Date() } });
    await linkStaff(admin, disabled.staffUserId, { providerId: setup.providerId, subject: disabledUser.sub });
    const first = await signInThroughProvider(setup, "staff", disabledUser);
    expect(await callback(setup, first.back, first.browser)).toMatchObject({ reason: "staff_disabled" });

    const { actor: locked } = await makeStaff("college");
    await linkStaff(admin, locked.staffUserId, { providerId: setup.providerId, subject: lockedUser.sub });
    const second = await signInThroughProvider(setup, "staff", lockedUser);
    // The password lock is per account and address: locked from the address this browser uses.
    await block(
      "staffLoginFailuresPerAccountAndAddress",
      staffKeys(locked.username, second.browser.meta.ip).source,
      900,
    );
    const outcome = await callback(setup, second.back, second.browser);
    expect(outcome).toMatchObject({ kind: "failed", reason: "locked" });
    expect(outcome.kind === "failed" && outcome.until && outcome.until > new Date()).toBe(true);
    expect(await db.authSession.count({ where: { staffUserId: locked.staffUserId, method: "oidc" } })).toBe(
      0,
    );
  });

  it("after an unlink the same identity is refused", async () => {
    const user = testUser();
    setup.users.push(user);
    const { actor: staff } = await makeStaff("college");
    const { actor: admin } = await makeStaff("admin");
    const linked = await linkStaff(admin, staff.staffUserId, {
      providerId: setup.providerId,
      subject: user.sub,
    });
    if (!linked.ok) throw new Error("not linked");
    expect((await unlinkStaff(admin, staff.staffUserId, linked.value.id)).ok).toBe(true);
    expect(await lastAudit("sso.staffLink.delete", staff.staffUserId)).not.toBeNull();
    const { back, browser } = await signInThroughProvider(setup, "staff", user);
    expect(await callback(setup, back, browser)).toMatchObject({ reason: "unknown_staff" });
  });
});

describe("links the admin makes", () => {
  it("refuses a subject already linked to someone else, a second link to one provider, and neither field", async () => {
    const { actor: admin } = await makeStaff("admin");
    const { actor: a } = await makeStaff("college");
    const { actor: b } = await makeStaff("college");
    const subject = `dup-${Date.now()}`;
    expect((await linkStaff(admin, a.staffUserId, { providerId: setup.providerId, subject })).ok).toBe(true);
    const taken = await linkStaff(admin, b.staffUserId, { providerId: setup.providerId, subject });
    expect(taken.ok ? null : taken.fieldErrors?.subject?.key).toBe("sso.links.errors.taken");
    const second = await linkStaff(admin, a.staffUserId, {
      providerId: setup.providerId,
      subject: `${subject}-2`,
    });
    expect(second.ok ? null : second.fieldErrors?.subject?.key).toBe("sso.links.errors.taken");
    const neither = await linkStaff(admin, b.staffUserId, { providerId: setup.providerId });
    expect(neither.ok ? null : neither.fieldErrors?.subject?.key).toBe("sso.links.errors.oneOf");
    // only an admin may link
    await expect(
      linkStaff(a, b.staffUserId, { providerId: setup.providerId, subject: "x" }),
    ).rejects.toThrow();
  });
});

describe("staff with single sign-on may not use a password (per provider)", () => {
  it("refuses the right password once linked to such a provider, and says why only after the password", async () => {
    const strict = await setUpProvider({ audience: "staff", staffPasswordDisabled: true, users: [] });
    try {
      const { actor: staff, password } = await makeStaff("college");
      const { actor: admin } = await makeStaff("admin");
      expect((await signInStaff({ username: staff.username, password }, meta())).ok).toBe(true);
      await linkStaff(admin, staff.staffUserId, {
        providerId: strict.providerId,
        subject: `s-${Date.now()}`,
      });
      const right = await signInStaff({ username: staff.username, password }, meta());
      expect(right.ok ? null : right.error?.key).toBe("sso.errors.passwordDisabled");
      const wrong = await signInStaff({ username: staff.username, password: "wrong password" }, meta());
      expect(wrong.ok ? null : wrong.error?.key).toBe("signIn.invalidStaff");
      // not for staff linked to a provider that allows passwords
      const { actor: other, password: otherPassword } = await makeStaff("college");
      await linkStaff(admin, other.staffUserId, { providerId: setup.providerId, subject: `o-${Date.now()}` });
      expect((await signInStaff({ username: other.username, password: otherPassword }, meta())).ok).toBe(
        true,
      );
    } finally {
      await strict.close();
    }
  });
});
