import "server-only";
import { db, readRaw } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { assertCan, collegeScope, unitScope } from "@/lib/auth/policy";

export type Option = { id: string; name: string };

/**
 * More classes than this are offered once a major narrows them: a large college has a few hundred, and the
 * options (twice: HTML and the page's payload) were a large part of its desk's weight.
 */
export const CLASS_CHOICES_LIMIT = 40;

export type FilterOptions = {
  colleges: Option[];
  majors: Option[];
  classGroups: Option[];
  /** the classes are offered once a major is chosen (too many for one list) */
  classesNeedMajor: boolean;
};

/**
 * Choices for the list filters, inside the actor's colleges. Class groups are offered once a college or
 * major narrows them (a whole university has thousands), and once a major does when a college has more than
 * CLASS_CHOICES_LIMIT (a class already chosen is still offered, so the form keeps it).
 */
export async function filterOptions(
  actor: Actor,
  selected: { collegeId?: string; majorId?: string; classGroupId?: string },
): Promise<FilterOptions> {
  assertCan(actor, "progress.viewCollege");
  // Raw statements: Prisma compiles each model query anew on every request, and these run on every view
  // of the desk (the three were most of its compiling).
  const scope = collegeScope(actor);
  const colleges = await readRaw<Option[]>`
    SELECT "id", "name" FROM "College"
    WHERE ${scope === "all" ? Prisma.sql`1 = 1` : inList(`"id"`, scope)}
    ORDER BY "code" ASC`;
  // a chosen college narrows the choices, inside the actor's colleges
  const collegeIds = selected.collegeId
    ? colleges.filter((c) => c.id === selected.collegeId).map((c) => c.id)
    : colleges.map((c) => c.id);
  // a counsellor limited to classes is offered those classes (and their majors) only
  const units = unitScope(actor);
  const limited = units === "all" ? [] : units.filter((u) => u.classGroupIds);
  const limitedClasses = (alias: string) =>
    limited.length
      ? Prisma.sql`(${inList(
          `${alias}."collegeId"`,
          limited.map((u) => u.collegeId),
          "NOT IN",
        )}
          OR ${inList(
            `${alias}."id"`,
            limited.flatMap((u) => u.classGroupIds ?? []),
          )})`
      : Prisma.sql`1 = 1`;
  const allowed = colleges.length === 1 || Boolean(selected.collegeId) || Boolean(selected.majorId);
  // with neither a major nor a class chosen, one more than the limit says whether they are offered
  const classLimit = selected.majorId || selected.classGroupId ? 1000 : CLASS_CHOICES_LIMIT + 1;
  const [majors, classGroups] = await Promise.all([
    readRaw<Option[]>`
      SELECT m."id", m."name" FROM "Major" m
      WHERE ${inList(`m."collegeId"`, collegeIds)}
        AND ${
          limited.length
            ? Prisma.sql`EXISTS (SELECT 1 FROM "ClassGroup" g WHERE g."majorId" = m."id" AND ${limitedClasses("g")})`
            : Prisma.sql`1 = 1`
        }
      ORDER BY m."name" ASC`,
    allowed
      ? readRaw<Option[]>`
          SELECT g."id", g."name" FROM "ClassGroup" g
          WHERE ${inList(`g."collegeId"`, collegeIds)} AND ${limitedClasses("g")}
            AND ${selected.majorId ? Prisma.sql`g."majorId" = ${selected.majorId}` : Prisma.sql`1 = 1`}
          ORDER BY g."name" ASC
          LIMIT ${classLimit}`
      : Promise.resolve([]),
  ]);
  const classesNeedMajor = !selected.majorId && classGroups.length > CLASS_CHOICES_LIMIT;
  return {
    colleges,
    majors,
    classGroups: classesNeedMajor ? classGroups.filter((g) => g.id === selected.classGroupId) : classGroups,
    classesNeedMajor,
  };
}

/** `column IN (ids)` (or NOT IN); an empty list matches nothing (NOT IN: everything). */
function inList(column: string, ids: string[], operator: "IN" | "NOT IN" = "IN"): Prisma.Sql {
  if (ids.length === 0) return operator === "IN" ? Prisma.sql`1 = 0` : Prisma.sql`1 = 1`;
  return Prisma.sql`${Prisma.raw(column)} ${Prisma.raw(operator)} (${Prisma.join(ids)})`;
}

/** What part of each college the actor sees, for the desk's "可查看" line: the whole college, classes or a grade. */
export type ScopeLabel = { college: string; classes: string[] | null; cohort: string | null };

export async function scopeLabels(actor: Actor, colleges: Option[]): Promise<ScopeLabel[]> {
  const units = unitScope(actor);
  const limits = new Map(units === "all" ? [] : units.map((u) => [u.collegeId, u]));
  const classIds = [...limits.values()].flatMap((u) => u.classGroupIds ?? []);
  const classes = classIds.length
    ? await db.classGroup.findMany({
        where: { id: { in: classIds } },
        orderBy: { name: "asc" },
        select: { id: true, name: true, collegeId: true },
      })
    : [];
  return colleges.map((c) => {
    const limit = limits.get(c.id);
    return {
      college: c.name,
      classes: limit?.classGroupIds ? classes.filter((g) => g.collegeId === c.id).map((g) => g.name) : null,
      cohort: limit?.cohort ?? null,
    };
  });
}
