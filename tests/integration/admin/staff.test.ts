import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/security/passwords";
import { signInStaff } from "@/lib/staff/sign-in";
import { changeOwnPassword } from "@/lib/staff/change-password";
import {
  createStaff,
  getStaff,
  listStaff,
  resetStaffPassword,
  setStaffDisabled,
  updateStaffAccess,
} from "@/lib/admin/staff-accounts";
import type { StaffActor } from "@/lib/auth/actor";
import { lastAudit, makeCollege, makeStaff, uid } from "./fixtures";

const meta = { ip: "203.0.113.9", userAgent: "vitest" };
let admin: StaffActor;
let collegeA: { id: string; code: string };
let collegeB: { id: string; code: string };

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  collegeA = await makeCollege("甲");
  collegeB = await makeCollege("乙");
});

describe("creating staff accounts", () => {
  it("generates a one-time password when none is given, stores only its hash and audits the access", async () => {
    const username = `sec${uid(3)}`;
    const result = await createStaff(admin, {
      username: ` ${username.toUpperCase()} `,
      displayName: "学院秘书",
      roles: ["college", "support"],
      collegeIds: [collegeA.id],
      password: "",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.username).toBe(username);
    const initial = result.value.initialPassword as string;
    expect(initial).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const row = await db.staffUser.findUniqueOrThrow({
      where: { id: result.value.id },
      include: { collegeScopes: true },
    });
    expect(row.passwordHash).not.toContain(initial);
    expect(await verifyPassword(row.passwordHash, initial)).toBe(true);
    expect(row.mustChangePassword).toBe(true);
    expect(row.roles).toBe("college,support");
    expect(row.collegeScopes.map((s) => s.collegeId)).toEqual([collegeA.id]);

    const entry = await lastAudit("staff.create", row.id);
    expect(entry?.actorType).toBe("staff");
    expect(entry?.actorId).toBe(admin.staffUserId);
    expect(JSON.parse(entry?.after ?? "{}")).toEqual({
      username,
      displayName: "学院秘书",
      roles: ["college", "support"],
      colleges: [collegeA.code],
    });
    expect(entry?.after).not.toContain(initial);

    const signedIn = await signInStaff({ username, password: initial }, meta);
    expect(signedIn.ok && signedIn.value.mustChangePassword).toBe(true);
  });

  it("keeps a password the admin sets (never returned) when it passes the student rules", async () => {
    const result = await createStaff(admin, {
      username: `reg${uid(3)}`,
      displayName: "学籍科",
      roles: ["registrar"],
      collegeIds: [collegeA.id],
      password: "长江黄河都向东流",
    });
    expect(result.ok && result.value.initialPassword).toBe(null);
    if (!result.ok) return;
    const row = await db.staffUser.findUniqueOrThrow({
      where: { id: result.value.id },
      include: { collegeScopes: true },
    });
    expect(await verifyPassword(row.passwordHash, "长江黄河都向东流")).toBe(true);
    // scopes only matter for the college role: none are stored for a registrar
    expect(row.collegeScopes).toHaveLength(0);
  });

  it.each([
    [{ password: "short1" }, "password", "admin.password.tooShort"],
    [{ password: "password123" }, "password", "admin.password.common"],
    [{ password: "xx-USERNAME-xx" }, "password", "admin.password.containsUsername"],
    [{ roles: [] }, "roles", "admin.staff.errors.roles"],
    [{ roles: ["dean"] }, "roles", "admin.staff.errors.roles"],
    [{ roles: ["college"], collegeIds: [] }, "collegeIds", "admin.staff.errors.collegeIds"],
    [{ roles: ["college"], collegeIds: ["no-such-college"] }, "collegeIds", "admin.staff.errors.collegeIds"],
    [{ username: "1abc" }, "username", "admin.staff.errors.username"],
    [{ displayName: "  " }, "displayName", "admin.staff.errors.displayName"],
  ])("refuses %j on the field with a message", async (override, field, key) => {
    const username = `bad${uid(3)}`;
    const input = {
      username,
      displayName: "某人",
      roles: ["support"],
      collegeIds: [],
      password: "",
      ...override,
    };
    if (input.password === "xx-USERNAME-xx") input.password = `xx-${username}-xx`;
    const before = await db.staffUser.count();
    const result = await createStaff(admin, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.key).toBe(key);
    expect(await db.staffUser.count()).toBe(before);
  });

  it("refuses a username that is taken", async () => {
    const first = await createStaff(admin, {
      username: `dup${uid(3)}`,
      displayName: "a",
      roles: ["support"],
      password: "",
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = await createStaff(admin, {
      username: first.value.username,
      displayName: "b",
      roles: ["support"],
      password: "",
    });
    expect(!second.ok && second.fieldErrors?.username?.key).toBe("admin.staff.errors.usernameTaken");
  });

  it("is for staff managers only", async () => {
    const { actor: registrar } = await makeStaff("registrar");
    await expect(
      createStaff(registrar, { username: `x${uid(3)}`, displayName: "x", roles: ["admin"] }),
    ).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listStaff(registrar)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("changing access ends sessions", () => {
  it("a role change ends every session of that person at once and is audited before/after", async () => {
    const { actor: person } = await makeStaff("college", { collegeIds: [collegeA.id] });
    const other = await startSession({ staffUserId: person.staffUserId }, meta);
    expect(await resolveSession(person.sessionId)).not.toBeNull();

    const result = await updateStaffAccess(admin, person.staffUserId, {
      displayName: "新名字",
      roles: ["college", "registrar"],
      collegeIds: [collegeB.id],
    });
    expect(result).toEqual({ ok: true, value: { sessionsEnded: true } });
    expect(await resolveSession(person.sessionId)).toBeNull();
    expect(await resolveSession(other.id)).toBeNull();
    const sessions = await db.authSession.findMany({ where: { staffUserId: person.staffUserId } });
    expect(sessions.every((s) => s.revokeReason === "role_changed")).toBe(true);

    const entry = await lastAudit("staff.update", person.staffUserId);
    expect(JSON.parse(entry?.before ?? "{}")).toMatchObject({
      roles: ["college"],
      colleges: [collegeA.code],
    });
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({
      displayName: "新名字",
      roles: ["college", "registrar"],
      colleges: [collegeB.code],
      sessionsEnded: true,
    });

    // a fresh sign-in sees the new access
    const fresh = await startSession({ staffUserId: person.staffUserId }, meta);
    const actor = await resolveSession(fresh.id);
    expect(actor?.kind === "staff" && actor.roles).toEqual(["college", "registrar"]);
    expect(actor?.kind === "staff" && actor.collegeIds).toEqual([collegeB.id]);
  });

  it("a display-name change alone keeps sessions", async () => {
    const { actor: person } = await makeStaff("support");
    const result = await updateStaffAccess(admin, person.staffUserId, {
      displayName: "客服小王",
      roles: ["support"],
      collegeIds: [],
    });
    expect(result).toEqual({ ok: true, value: { sessionsEnded: false } });
    expect(await resolveSession(person.sessionId)).not.toBeNull();
  });

  it("disabling ends sessions and refuses sign-in; enabling lets the person back in", async () => {
    const { actor: person, password } = await makeStaff("support");
    expect((await setStaffDisabled(admin, person.staffUserId, true)).ok).toBe(true);
    expect(await resolveSession(person.sessionId)).toBeNull();
    const refused = await signInStaff({ username: person.username, password }, meta);
    expect(refused.ok).toBe(false);
    expect((await lastAudit("staff.disable", person.staffUserId))?.actorId).toBe(admin.staffUserId);

    expect((await setStaffDisabled(admin, person.staffUserId, false)).ok).toBe(true);
    const back = await signInStaff({ username: person.username, password }, meta);
    expect(back.ok).toBe(true);
  });

  it("an admin can neither drop their own admin role nor disable themselves", async () => {
    const self = await updateStaffAccess(admin, admin.staffUserId, {
      displayName: "x",
      roles: ["registrar"],
      collegeIds: [],
    });
    expect(!self.ok && self.fieldErrors?.roles?.key).toBe("admin.staff.errors.selfAdmin");
    const disable = await setStaffDisabled(admin, admin.staffUserId, true);
    expect(!disable.ok && disable.error?.key).toBe("admin.staff.errors.selfDisable");
    expect((await getStaff(admin, admin.staffUserId))?.roles).toEqual(["admin"]);
  });

  it("resetting a password ends sessions, requires a change at next sign-in and invalidates the old one", async () => {
    const { actor: person, password } = await makeStaff("registrar");
    const result = await resetStaffPassword(admin, person.staffUserId, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fresh = result.value.initialPassword as string;
    expect(await resolveSession(person.sessionId)).toBeNull();
    expect((await signInStaff({ username: person.username, password }, meta)).ok).toBe(false);
    const signedIn = await signInStaff({ username: person.username, password: fresh }, meta);
    expect(signedIn.ok && signedIn.value.mustChangePassword).toBe(true);
    const entry = await lastAudit("staff.resetPassword", person.staffUserId);
    expect(entry?.after).not.toContain(fresh);
  });
});

describe("changing one's own password", () => {
  it("checks the current password, applies the rules, clears the must-change flag and ends other sessions", async () => {
    const { actor: person, password } = await makeStaff("college", {
      collegeIds: [collegeA.id],
      mustChangePassword: true,
    });
    const elsewhere = await startSession({ staffUserId: person.staffUserId }, meta);

    const wrong = await changeOwnPassword(person, {
      currentPassword: "nope",
      newPassword: "x",
      confirmPassword: "x",
    });
    expect(!wrong.ok && wrong.fieldErrors?.currentPassword?.key).toBe("admin.ownPassword.currentWrong");
    const common = await changeOwnPassword(person, {
      currentPassword: password,
      newPassword: "12345678",
      confirmPassword: "12345678",
    });
    expect(!common.ok && common.fieldErrors?.newPassword?.key).toBe("admin.password.common");
    const same = await changeOwnPassword(person, {
      currentPassword: password,
      newPassword: password,
      confirmPassword: password,
    });
    expect(!same.ok && same.fieldErrors?.newPassword?.key).toBe("admin.ownPassword.sameAsOld");
    const mismatch = await changeOwnPassword(person, {
      currentPassword: password,
      newPassword: "一片冰心在玉壶中",
      confirmPassword: "一片冰心在玉壶",
    });
    expect(!mismatch.ok && mismatch.fieldErrors?.confirmPassword?.key).toBe("admin.ownPassword.mismatch");

    const done = await changeOwnPassword(person, {
      currentPassword: password,
      newPassword: "一片冰心在玉壶中",
      confirmPassword: "一片冰心在玉壶中",
    });
    expect(done.ok).toBe(true);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: person.staffUserId } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(row.passwordHash, "一片冰心在玉壶中")).toBe(true);
    expect(await resolveSession(person.sessionId)).not.toBeNull();
    expect(await resolveSession(elsewhere.id)).toBeNull();
  });
});
