import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";

type Meta = { ip?: string | null };

/**
 * How much of one college a staff member sees: the whole college, one or more of its classes, or one grade
 * (入学年级). Read by lib/auth/sessions.ts into the actor and applied by lib/auth/policy.ts everywhere.
 */
export const unitLimitSchema = z
  .object({
    collegeId: z.string().min(1).max(40),
    mode: z.enum(["college", "classes", "grade"]),
    classGroupIds: z.array(z.string().min(1).max(40)).max(500).default([]),
    cohort: z.string().trim().max(4).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "classes" && v.classGroupIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["classGroupIds"], message: "admin.staff.scope.errors.classes" });
    if (v.mode === "grade" && !/^\d{4}$/.test(v.cohort))
      ctx.addIssue({ code: "custom", path: ["cohort"], message: "admin.staff.scope.errors.cohort" });
  });
export type UnitLimitInput = { [K in keyof z.input<typeof unitLimitSchema>]?: unknown };

/** The colleges of a staff account with their limit and what the admin can choose from. */
export async function staffUnitScopes(actor: Actor, staffUserId: string) {
  assertCan(actor, "staff.manage");
  const scopes = await db.staffCollegeScope.findMany({
    where: { staffUserId },
    select: {
      collegeId: true,
      classGroupIds: true,
      cohort: true,
      college: {
        select: {
          code: true,
          name: true,
          classGroups: { orderBy: { name: "asc" }, select: { id: true, name: true } },
        },
      },
    },
    orderBy: { college: { code: "asc" } },
  });
  const cohorts = scopes.length
    ? await db.enrollmentRecord.groupBy({
        by: ["collegeId", "cohort"],
        where: { collegeId: { in: scopes.map((s) => s.collegeId) } },
        orderBy: { cohort: "desc" },
      })
    : [];
  return scopes.map((s) => {
    const classGroupIds = s.classGroupIds.split(",").filter(Boolean);
    return {
      collegeId: s.collegeId,
      code: s.college.code,
      name: s.college.name,
      mode: classGroupIds.length
        ? ("classes" as const)
        : s.cohort
          ? ("grade" as const)
          : ("college" as const),
      classGroupIds,
      cohort: s.cohort,
      classGroups: s.college.classGroups,
      cohorts: cohorts.filter((c) => c.collegeId === s.collegeId).map((c) => c.cohort),
    };
  });
}

/** Sets the limit of one college of a staff account; the person's sessions end so the change applies at once. */
export async function setStaffUnitLimit(
  actor: Actor,
  staffUserId: string,
  input: UnitLimitInput,
  meta: Meta = {},
): Promise<Result<{ changed: boolean }>> {
  assertCan(actor, "staff.manage");
  const parsed = unitLimitSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "mode");
    const key = issue?.message.startsWith("admin.") ? issue.message : "admin.staff.scope.errors.invalid";
    return fieldFail({ [field]: { key } });
  }
  const { collegeId, mode } = parsed.data;
  const classGroupIds = mode === "classes" ? [...new Set(parsed.data.classGroupIds)].sort() : [];
  const cohort = mode === "grade" ? parsed.data.cohort : "";
  return db.$transaction(async (tx) => {
    const scope = await tx.staffCollegeScope.findUnique({
      where: { staffUserId_collegeId: { staffUserId, collegeId } },
      include: { college: { select: { code: true } } },
    });
    if (!scope) return fail("admin.errors.notFound");
    if (classGroupIds.length) {
      const found = await tx.classGroup.findMany({
        where: { id: { in: classGroupIds }, collegeId },
        select: { name: true },
        orderBy: { name: "asc" },
      });
      if (found.length !== classGroupIds.length)
        return fieldFail({ classGroupIds: { key: "admin.staff.scope.errors.classes" } });
    }
    const before = { classGroupIds: scope.classGroupIds, cohort: scope.cohort };
    if (before.classGroupIds === classGroupIds.join(",") && before.cohort === cohort)
      return ok({ changed: false });
    const names = async (csv: string) =>
      csv
        ? (
            await tx.classGroup.findMany({
              where: { id: { in: csv.split(",") } },
              select: { name: true },
              orderBy: { name: "asc" },
            })
          ).map((g) => g.name)
        : [];
    await tx.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId, collegeId } },
      data: { classGroupIds: classGroupIds.join(","), cohort },
    });
    await tx.staffUser.update({ where: { id: staffUserId }, data: { sessionVersion: { increment: 1 } } });
    await endAllSessions(tx, { staffUserId }, "role_changed");
    await audit(tx, actor, {
      action: "staff.scope",
      targetType: "staffUser",
      targetId: staffUserId,
      before: {
        college: scope.college.code,
        classes: await names(before.classGroupIds),
        cohort: before.cohort,
      },
      after: { college: scope.college.code, classes: await names(classGroupIds.join(",")), cohort },
      ip: meta.ip,
    });
    return ok({ changed: true });
  });
}
