import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import type { Db, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { createClassUnit, createCollegeUnit, createMajorUnit, type UnitKind } from "./organisation-units";

/**
 * The organisation structure (分院 / 专业 / 班级). It comes from the roster import and can be corrected by
 * hand: a rename keeps the unit's id, so every record under it follows.
 */
export async function organisationTree(actor: Actor) {
  assertCan(actor, "roster.import");
  const colleges = await db.college.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      _count: { select: { records: true } },
      majors: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, _count: { select: { records: true } } },
      },
      classGroups: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, majorId: true, _count: { select: { records: true } } },
      },
    },
  });
  return colleges;
}

export const renameSchema = z.object({
  kind: z.enum(["college", "major", "classGroup"]),
  id: z.string().min(1).max(40),
  name: z
    .string()
    .trim()
    .min(1, "registrar.organisation.errors.nameRequired")
    .max(100, "registrar.organisation.errors.nameTooLong"),
});

export async function renameUnit(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  assertCan(actor, "roster.import");
  const parsed = renameSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fieldFail({
      name: {
        key: issue?.message.startsWith("registrar.organisation.")
          ? issue.message
          : "registrar.organisation.errors.invalid",
      },
    });
  }
  const { kind, id, name } = parsed.data;
  return db.$transaction(async (tx) => {
    let before: { name: string; collegeId?: string } | null;
    if (kind === "college") before = await tx.college.findUnique({ where: { id }, select: { name: true } });
    else if (kind === "major")
      before = await tx.major.findUnique({ where: { id }, select: { name: true, collegeId: true } });
    else before = await tx.classGroup.findUnique({ where: { id }, select: { name: true, collegeId: true } });
    if (!before) return fail("registrar.organisation.errors.notFound");
    if (before.name === name) return ok({ id });
    const taken =
      kind === "college"
        ? await tx.college.findUnique({ where: { name } })
        : kind === "major"
          ? await tx.major.findUnique({
              where: { collegeId_name: { collegeId: before.collegeId as string, name } },
            })
          : await tx.classGroup.findUnique({
              where: { collegeId_name: { collegeId: before.collegeId as string, name } },
            });
    if (taken) return fieldFail({ name: { key: "registrar.organisation.errors.nameTaken" } });
    if (kind === "college") await tx.college.update({ where: { id }, data: { name } });
    else if (kind === "major") await tx.major.update({ where: { id }, data: { name } });
    else await tx.classGroup.update({ where: { id }, data: { name } });
    await audit(tx, actor, {
      action: `organisation.rename.${kind}`,
      targetType: kind,
      targetId: id,
      before: { name: before.name },
      after: { name },
    });
    return ok({ id });
  });
}

const unitName = z
  .string()
  .trim()
  .min(1, "registrar.organisation.errors.nameRequired")
  .max(100, "registrar.organisation.errors.nameTooLong")
  .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "registrar.organisation.errors.nameChars");

export const createUnitSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("college"),
    name: unitName,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z0-9]{1,10})?$/, "registrar.organisation.errors.code")
      .default(""),
  }),
  z.object({ kind: z.literal("major"), collegeId: z.string().min(1).max(40), name: unitName }),
  z.object({
    kind: z.literal("classGroup"),
    collegeId: z.string().min(1).max(40),
    majorId: z.string().min(1, "registrar.organisation.errors.major").max(40),
    name: unitName,
  }),
]);

function firstIssue(error: z.ZodError) {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "name");
  const key = issue?.message.startsWith("registrar.organisation.")
    ? issue.message
    : "registrar.organisation.errors.invalid";
  return fieldFail({ [field === "kind" ? "name" : field]: { key } });
}

/** Creates a 分院 (code given or the next free one), a 专业 of a college or a 班级 under one of its majors. */
export async function createUnit(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  assertCan(actor, "roster.import");
  const parsed = createUnitSchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error);
  const data = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      if (data.kind === "college") {
        if (await tx.college.findUnique({ where: { name: data.name }, select: { id: true } }))
          return fieldFail({ name: { key: "registrar.organisation.errors.nameTaken" } });
        if (data.code && (await tx.college.findUnique({ where: { code: data.code }, select: { id: true } })))
          return fieldFail({ code: { key: "registrar.organisation.errors.codeTaken" } });
        return ok(await createCollegeUnit(tx, actor, { name: data.name, code: data.code }));
      }
      const college = await tx.college.findUnique({ where: { id: data.collegeId }, select: { id: true } });
      if (!college) return fail("registrar.organisation.errors.notFound");
      if (data.kind === "major") {
        if (
          await tx.major.findUnique({ where: { collegeId_name: { collegeId: college.id, name: data.name } } })
        )
          return fieldFail({ name: { key: "registrar.organisation.errors.nameTaken" } });
        return ok(await createMajorUnit(tx, actor, { collegeId: college.id, name: data.name }));
      }
      const major = await tx.major.findFirst({
        where: { id: data.majorId, collegeId: college.id },
        select: { id: true },
      });
      if (!major) return fieldFail({ majorId: { key: "registrar.organisation.errors.major" } });
      if (
        await tx.classGroup.findUnique({
          where: { collegeId_name: { collegeId: college.id, name: data.name } },
        })
      )
        return fieldFail({ name: { key: "registrar.organisation.errors.nameTaken" } });
      return ok(
        await createClassUnit(tx, actor, { collegeId: college.id, majorId: major.id, name: data.name }),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return fieldFail({ name: { key: "registrar.organisation.errors.nameTaken" } });
    throw error;
  }
}

export const unitRefSchema = z.object({
  kind: z.enum(["college", "major", "classGroup"]),
  id: z.string().min(1).max(40),
});

/** What still hangs on a unit: a unit is deleted only when all of these are zero. */
export type UnitContents = {
  records: number;
  majors: number;
  classGroups: number;
  corrections: number;
  staff: number;
  tokens: number;
};

export async function unitContents(tx: Db | Tx, kind: UnitKind, id: string): Promise<UnitContents> {
  const none: UnitContents = { records: 0, majors: 0, classGroups: 0, corrections: 0, staff: 0, tokens: 0 };
  if (kind === "college") {
    const [records, majors, classGroups, corrections, staff, tokens] = await Promise.all([
      tx.enrollmentRecord.count({ where: { collegeId: id } }),
      tx.major.count({ where: { collegeId: id } }),
      tx.classGroup.count({ where: { collegeId: id } }),
      tx.correctionRequest.count({ where: { collegeId: id } }),
      tx.staffCollegeScope.count({ where: { collegeId: id } }),
      tx.apiToken.count({ where: { collegeIds: { contains: id } } }),
    ]);
    return { records, majors, classGroups, corrections, staff, tokens };
  }
  if (kind === "major") {
    const [records, classGroups] = await Promise.all([
      tx.enrollmentRecord.count({ where: { majorId: id } }),
      tx.classGroup.count({ where: { majorId: id } }),
    ]);
    return { ...none, records, classGroups };
  }
  const [records, staff] = await Promise.all([
    tx.enrollmentRecord.count({ where: { classGroupId: id } }),
    tx.staffCollegeScope.count({ where: { classGroupIds: { contains: id } } }),
  ]);
  return { ...none, records, staff };
}

/**
 * Deletes a unit only when nothing hangs on it (records, majors, classes, correction requests, staff scopes,
 * API tokens); otherwise refuses with what is still there, so the registrar knows to merge or move first.
 */
export async function deleteUnit(actor: Actor, input: unknown): Promise<Result<{ deleted: true }>> {
  assertCan(actor, "roster.import");
  const parsed = unitRefSchema.safeParse(input);
  if (!parsed.success) return fail("registrar.organisation.errors.notFound");
  const { kind, id } = parsed.data;
  return db.$transaction(async (tx) => {
    const unit =
      kind === "college"
        ? await tx.college.findUnique({ where: { id }, select: { name: true, code: true } })
        : kind === "major"
          ? await tx.major.findUnique({ where: { id }, select: { name: true, collegeId: true } })
          : await tx.classGroup.findUnique({ where: { id }, select: { name: true, collegeId: true } });
    if (!unit) return fail("registrar.organisation.errors.notFound");
    const contents = await unitContents(tx, kind, id);
    if (Object.values(contents).some((n) => n > 0))
      return fail("registrar.organisation.errors.notEmpty", { name: unit.name, ...contents });
    if (kind === "college") await tx.college.delete({ where: { id } });
    else if (kind === "major") await tx.major.delete({ where: { id } });
    else await tx.classGroup.delete({ where: { id } });
    await audit(tx, actor, {
      action: `organisation.delete.${kind}`,
      targetType: kind,
      targetId: id,
      before: unit,
    });
    return ok({ deleted: true as const });
  });
}
