import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { parseRoles, type Actor, type StaffRole } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { fail, fieldFail, ok, type Message, type Result } from "@/lib/core/result";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { audit } from "@/lib/security/audit";
import { hashPassword } from "@/lib/security/passwords";
import { generateInitialPassword } from "./initial-password";
import { passwordProblemMessage, staffPasswordProblem } from "./password-rules";
import {
  createStaffSchema,
  resetPasswordSchema,
  STAFF_FIELD_KEYS,
  updateStaffSchema,
  type CreateStaffInput,
  type UpdateStaffInput,
} from "./staff-schemas";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

type Meta = { ip?: string | null };

const staffInclude = {
  collegeScopes: { include: { college: { select: { id: true, code: true, name: true } } } },
};

/** What the audit log keeps about a staff account's access (college codes read better than ids). */
async function accessSnapshot(
  tx: Pick<Tx, "college">,
  user: { displayName: string; roles: string },
  collegeIds: string[],
) {
  const colleges = collegeIds.length
    ? await tx.college.findMany({
        where: { id: { in: collegeIds } },
        select: { code: true },
        orderBy: { code: "asc" },
      })
    : [];
  return {
    displayName: user.displayName,
    roles: parseRoles(user.roles),
    colleges: colleges.map((c) => c.code),
  };
}

async function unknownColleges(collegeIds: string[]): Promise<boolean> {
  if (collegeIds.length === 0) return false;
  const found = await db.college.count({ where: { id: { in: collegeIds } } });
  return found !== new Set(collegeIds).size;
}

/** Is `staffUserId` the only enabled admin? (Nobody could manage staff afterwards.) */
async function isLastActiveAdmin(tx: Pick<Tx, "staffUser">, staffUserId: string): Promise<boolean> {
  const admins = await tx.staffUser.findMany({
    where: { disabledAt: null, roles: { contains: "admin" } },
    select: { id: true, roles: true },
  });
  const active = admins.filter((a) => parseRoles(a.roles).includes("admin"));
  return active.length === 1 && active[0].id === staffUserId;
}

function choosePassword(
  given: string,
  username: string,
  displayName: string,
): { ok: true; password: string; generated: boolean } | { ok: false; message: Message } {
  if (given === "") return { ok: true, password: generateInitialPassword(), generated: true };
  const problem = staffPasswordProblem(given, username, displayName);
  return problem
    ? { ok: false, message: passwordProblemMessage(problem) }
    : { ok: true, password: given, generated: false };
}

export async function listColleges() {
  return db.college.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}

/** The staff list's sortable columns, each mapped to its own ordering (never a field name from the URL). */
const STAFF_ORDER = {
  username: (dir) => ({ username: dir }),
  displayName: (dir) => ({ displayName: dir }),
  roles: (dir) => ({ roles: dir }),
  state: (dir) => ({ disabledAt: { sort: dir, nulls: "first" } }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.StaffUserOrderByWithRelationInput>;
export type StaffSort = keyof typeof STAFF_ORDER;
export const STAFF_LIST: ListSpec<StaffSort> = {
  sorts: ["username", "displayName", "roles", "state"],
  defaultSort: "username",
};
export const staffListParams = (raw: Record<string, unknown>) => parseListParams(STAFF_LIST, raw);

export async function listStaff(
  actor: Actor,
  options: { q?: string; page?: number; pageSize?: number } = {},
  list: ListParams<StaffSort> = parseListParams(STAFF_LIST, {
    page: options.page,
    pageSize: options.pageSize,
  }),
) {
  assertCan(actor, "staff.manage");
  const q = options.q?.trim();
  const where = q
    ? { OR: [{ username: { contains: q.toLowerCase() } }, { displayName: { contains: q } }] }
    : {};
  const total = await db.staffUser.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const pageSize = list.pageSize;
  const rows = await db.staffUser.findMany({
    where,
    include: staffInclude,
    orderBy: [STAFF_ORDER[list.sort](list.dir), { username: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const lastSignIns = rows.length
    ? await db.loginEvent.groupBy({
        by: ["staffUserId"],
        where: { staffUserId: { in: rows.map((r) => r.id) }, outcome: "success" },
        _max: { createdAt: true },
      })
    : [];
  const lastByUser = new Map(lastSignIns.map((l) => [l.staffUserId, l._max.createdAt]));
  return {
    total,
    page,
    pages,
    pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      roles: parseRoles(r.roles),
      colleges: r.collegeScopes.map((s) => s.college),
      isDemo: r.isDemo,
      mustChangePassword: r.mustChangePassword,
      disabledAt: r.disabledAt,
      createdAt: r.createdAt,
      lastSignInAt: lastByUser.get(r.id) ?? null,
    })),
  };
}

export async function getStaff(actor: Actor, staffUserId: string) {
  assertCan(actor, "staff.manage");
  const user = await db.staffUser.findUnique({ where: { id: staffUserId }, include: staffInclude });
  if (!user) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: parseRoles(user.roles),
    collegeIds: user.collegeScopes.map((s) => s.collegeId),
    colleges: user.collegeScopes.map((s) => s.college),
    isDemo: user.isDemo,
    mustChangePassword: user.mustChangePassword,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
  };
}

/**
 * Creates a staff account. With no password given, a random one is generated and returned once (it is
 * never stored in clear); either way the person must choose their own at first sign-in.
 */
export async function createStaff(
  actor: Actor,
  input: CreateStaffInput,
  meta: Meta = {},
): Promise<Result<{ id: string; username: string; initialPassword: string | null }>> {
  assertCan(actor, "staff.manage");
  const parsed = createStaffSchema.safeParse(input);
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, STAFF_FIELD_KEYS));
  const data = parsed.data;
  const collegeIds = data.roles.includes("college") ? [...new Set(data.collegeIds)] : [];
  if (await unknownColleges(collegeIds))
    return fieldFail({ collegeIds: { key: "admin.staff.errors.collegeIds" } });
  if (await db.staffUser.findUnique({ where: { username: data.username }, select: { id: true } }))
    return fieldFail({ username: { key: "admin.staff.errors.usernameTaken" } });
  const chosen = choosePassword(data.password, data.username, data.displayName);
  if (!chosen.ok) return fieldFail({ password: chosen.message });
  const passwordHash = await hashPassword(chosen.password);

  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.staffUser.create({
        data: {
          username: data.username,
          displayName: data.displayName,
          roles: data.roles.join(","),
          passwordHash,
          mustChangePassword: true,
          collegeScopes: { create: collegeIds.map((collegeId) => ({ collegeId })) },
        },
      });
      await audit(tx, actor, {
        action: "staff.create",
        targetType: "staffUser",
        targetId: user.id,
        after: { username: user.username, ...(await accessSnapshot(tx, user, collegeIds)) },
        ip: meta.ip,
      });
      return user;
    });
    return ok({
      id: created.id,
      username: created.username,
      initialPassword: chosen.generated ? chosen.password : null,
    });
  } catch (e) {
    // Two admins creating the same username at once: the unique constraint decides.
    if (e instanceof Error && /unique/i.test(e.message))
      return fieldFail({ username: { key: "admin.staff.errors.usernameTaken" } });
    throw e;
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes display name, roles and college scopes. A change of roles or scopes ends the person's sessions at
 * once, so they sign in again with exactly the access they now have.
 */
export async function updateStaffAccess(
  actor: Actor,
  staffUserId: string,
  input: UpdateStaffInput,
  meta: Meta = {},
): Promise<Result<{ sessionsEnded: boolean }>> {
  assertCan(actor, "staff.manage");
  const parsed = updateStaffSchema.safeParse(input);
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, STAFF_FIELD_KEYS));
  const data = parsed.data;
  const roles: StaffRole[] = [...new Set(data.roles)];
  const collegeIds = roles.includes("college") ? [...new Set(data.collegeIds)] : [];
  if (await unknownColleges(collegeIds))
    return fieldFail({ collegeIds: { key: "admin.staff.errors.collegeIds" } });

  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({
      where: { id: staffUserId },
      include: { collegeScopes: true },
    });
    if (!user) return fail("admin.errors.notFound");
    const beforeRoles = parseRoles(user.roles);
    const beforeColleges = user.collegeScopes.map((s) => s.collegeId);
    const losesAdmin = beforeRoles.includes("admin") && !roles.includes("admin");
    if (losesAdmin && actor.kind === "staff" && actor.staffUserId === staffUserId)
      return fieldFail({ roles: { key: "admin.staff.errors.selfAdmin" } });
    if (losesAdmin && !user.disabledAt && (await isLastActiveAdmin(tx, staffUserId)))
      return fieldFail({ roles: { key: "admin.staff.errors.lastAdmin" } });

    const accessChanged = !sameSet(beforeRoles, roles) || !sameSet(beforeColleges, collegeIds);
    if (!accessChanged && user.displayName === data.displayName) return ok({ sessionsEnded: false });
    const before = await accessSnapshot(tx, user, beforeColleges);
    const updated = await tx.staffUser.update({
      where: { id: staffUserId },
      data: {
        displayName: data.displayName,
        roles: roles.join(","),
        ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (!sameSet(beforeColleges, collegeIds)) {
      // colleges kept keep their class / grade limit (lib/admin/staff-scope.ts)
      await tx.staffCollegeScope.deleteMany({ where: { staffUserId, collegeId: { notIn: collegeIds } } });
      for (const collegeId of collegeIds.filter((c) => !beforeColleges.includes(c)))
        await tx.staffCollegeScope.create({ data: { staffUserId, collegeId } });
    }
    if (accessChanged) await endAllSessions(tx, { staffUserId }, "role_changed");
    await audit(tx, actor, {
      action: "staff.update",
      targetType: "staffUser",
      targetId: staffUserId,
      before,
      after: { ...(await accessSnapshot(tx, updated, collegeIds)), sessionsEnded: accessChanged },
      ip: meta.ip,
    });
    return ok({ sessionsEnded: accessChanged });
  });
}

/** Disables (ends every session, refuses sign-in) or re-enables a staff account. */
export async function setStaffDisabled(
  actor: Actor,
  staffUserId: string,
  disabled: boolean,
  meta: Meta = {},
): Promise<Result<{ disabled: boolean }>> {
  assertCan(actor, "staff.manage");
  if (disabled && actor.kind === "staff" && actor.staffUserId === staffUserId)
    return fail("admin.staff.errors.selfDisable");
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: staffUserId } });
    if (!user) return fail("admin.errors.notFound");
    if (!!user.disabledAt === disabled) return ok({ disabled });
    if (disabled && (await isLastActiveAdmin(tx, staffUserId))) return fail("admin.staff.errors.lastAdmin");
    const disabledAt = disabled ? new Date() : null;
    await tx.staffUser.update({
      where: { id: staffUserId },
      data: { disabledAt, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (disabled) await endAllSessions(tx, { staffUserId }, "role_changed");
    await audit(tx, actor, {
      action: disabled ? "staff.disable" : "staff.enable",
      targetType: "staffUser",
      targetId: staffUserId,
      before: { username: user.username, disabled: !!user.disabledAt },
      after: { username: user.username, disabled },
      ip: meta.ip,
    });
    return ok({ disabled });
  });
}

/**
 * Sets a new password chosen by the admin (or a generated one, returned once). The person must change it
 * at next sign-in, and every session of theirs ends now.
 */
export async function resetStaffPassword(
  actor: Actor,
  staffUserId: string,
  input: { password?: string },
  meta: Meta = {},
): Promise<Result<{ initialPassword: string | null }>> {
  assertCan(actor, "staff.manage");
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return fieldFail({ password: passwordProblemMessage("tooLong") });
  const user = await db.staffUser.findUnique({ where: { id: staffUserId } });
  if (!user) return fail("admin.errors.notFound");
  const chosen = choosePassword(parsed.data.password, user.username, user.displayName);
  if (!chosen.ok) return fieldFail({ password: chosen.message });
  const passwordHash = await hashPassword(chosen.password);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffUserId },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, { staffUserId }, "password_reset");
    await audit(tx, actor, {
      action: "staff.resetPassword",
      targetType: "staffUser",
      targetId: staffUserId,
      after: { username: user.username, generated: chosen.generated, mustChangePassword: true },
      ip: meta.ip,
    });
  });
  return ok({ initialPassword: chosen.generated ? chosen.password : null });
}
