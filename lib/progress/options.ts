import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeWhere } from "@/lib/auth/policy";

export type Option = { id: string; name: string };

/**
 * Choices for the list filters, inside the actor's colleges. Class groups are offered once a college or
 * major narrows them (a whole university has thousands).
 */
export async function filterOptions(
  actor: Actor,
  selected: { collegeId?: string; majorId?: string },
): Promise<{ colleges: Option[]; majors: Option[]; classGroups: Option[] }> {
  assertCan(actor, "progress.viewCollege");
  const scope = collegeWhere(actor);
  const colleges = await db.college.findMany({
    where: scope.collegeId ? { id: scope.collegeId } : {},
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
  const collegeIds = selected.collegeId ? [selected.collegeId] : colleges.map((c) => c.id);
  const allowed = colleges.length === 1 || Boolean(selected.collegeId) || Boolean(selected.majorId);
  const [majors, classGroups] = await Promise.all([
    db.major.findMany({
      where: { collegeId: { in: collegeIds }, ...scope },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    allowed
      ? db.classGroup.findMany({
          where: {
            collegeId: { in: collegeIds },
            ...scope,
            ...(selected.majorId ? { majorId: selected.majorId } : {}),
          },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          take: 1000,
        })
      : Promise.resolve([]),
  ]);
  return { colleges, majors, classGroups };
}
