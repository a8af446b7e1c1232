import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";

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
