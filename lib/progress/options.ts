import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeWhere, unitScope } from "@/lib/auth/policy";

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
  const scope = collegeWhere(actor);
  const colleges = await db.college.findMany({
    where: scope.collegeId ? { id: scope.collegeId } : {},
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
  const collegeIds = selected.collegeId ? [selected.collegeId] : colleges.map((c) => c.id);
  // a counsellor limited to classes is offered those classes (and their majors) only
  const units = unitScope(actor);
  const limited = units === "all" ? [] : units.filter((u) => u.classGroupIds);
  const limitedClasses = limited.length
    ? {
        OR: [
          { collegeId: { notIn: limited.map((u) => u.collegeId) } },
          { id: { in: limited.flatMap((u) => u.classGroupIds ?? []) } },
        ],
      }
    : {};
  const allowed = colleges.length === 1 || Boolean(selected.collegeId) || Boolean(selected.majorId);
  const [majors, classGroups] = await Promise.all([
    db.major.findMany({
      where: {
        collegeId: { in: collegeIds },
        ...scope,
        ...(limited.length ? { classGroups: { some: limitedClasses } } : {}),
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    allowed
      ? db.classGroup.findMany({
          where: {
            collegeId: { in: collegeIds },
            ...scope,
            ...limitedClasses,
            ...(selected.majorId ? { majorId: selected.majorId } : {}),
          },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          // with neither a major nor a class chosen, one more than the limit says whether they are offered
          take: selected.majorId || selected.classGroupId ? 1000 : CLASS_CHOICES_LIMIT + 1,
        })
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
