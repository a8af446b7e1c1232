import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { db, readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { createClassUnit, createCollegeUnit, createMajorUnit } from "@/lib/roster-import/organisation-units";
import { Refused } from "@/lib/core/refused";

/**
 * 分院 / 专业 / 班级 are links to organisation units, not free text: a correction of one of them names a
 * unit that exists (the student picks it from the organisation), and a unit that does not exist — an old
 * request, a unit renamed since — is shown to both reviewers at once. The registrar may create it while
 * approving (the permission of the organisation page, audited); otherwise approval is refused.
 */
export const PLACEMENT_FIELDS = ["college", "major", "classGroup"] as const;
export type PlacementField = (typeof PLACEMENT_FIELDS)[number];

export function isPlacementField(field: string): field is PlacementField {
  return (PLACEMENT_FIELDS as readonly string[]).includes(field);
}

/** The units a student chooses from: every college, and the majors and classes of each college. */
export type PlacementOptions = {
  colleges: string[];
  majors: { college: string; names: string[] }[];
  classGroups: { college: string; names: string[] }[];
};

/** Options for the 信息有误 form, the student's own college first. */
export async function placementOptions(ownCollegeId: string): Promise<PlacementOptions> {
  const [colleges, majors, classGroups] = await Promise.all([
    db.college.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" }, take: 500 }),
    db.major.findMany({ select: { collegeId: true, name: true }, orderBy: { name: "asc" }, take: 3000 }),
    db.classGroup.findMany({
      select: { collegeId: true, name: true },
      orderBy: { name: "asc" },
      take: 5000,
    }),
  ]);
  const ordered = [
    ...colleges.filter((c) => c.id === ownCollegeId),
    ...colleges.filter((c) => c.id !== ownCollegeId),
  ];
  const group = (units: { collegeId: string; name: string }[]) =>
    ordered
      .map((c) => ({ college: c.name, names: units.filter((u) => u.collegeId === c.id).map((u) => u.name) }))
      .filter((g) => g.names.length > 0);
  return { colleges: colleges.map((c) => c.name), majors: group(majors), classGroups: group(classGroups) };
}

/**
 * Which requested placement values name no existing unit. The major and class are looked up in the college
 * the record would be in afterwards (the requested one, else its own); in a college that does not exist
 * yet, nothing else can exist either.
 */
export async function unknownPlacements(
  recordCollegeId: string,
  requested: Partial<Record<PlacementField, string>>,
): Promise<Set<PlacementField>> {
  const unknown = new Set<PlacementField>();
  let collegeId: string | null = recordCollegeId;
  // raw reads: the review page asks on every view, and each model lookup was compiled anew
  if (requested.college !== undefined) {
    const [found] = await readRaw<{ id: string }[]>`
      SELECT "id" FROM "College" WHERE "name" = ${requested.college}`;
    collegeId = found?.id ?? null;
    if (!found) unknown.add("college");
  }
  for (const [field, table] of [
    ["major", "Major"],
    ["classGroup", "ClassGroup"],
  ] as const) {
    const name = requested[field];
    if (name === undefined) continue;
    const [found] = collegeId
      ? await readRaw<{ id: string }[]>`
          SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "collegeId" = ${collegeId} AND "name" = ${name}`
      : [];
    if (!found) unknown.add(field);
  }
  return unknown;
}

type Placement = { collegeId: string; majorId?: string; classGroupId?: string };

/** A unit created by someone else in the same moment: refuse calmly, the reviewer reloads and sees it. */
async function createOnce<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refused("conflict", "corrections.errors.recordChanged");
    throw error;
  }
}

/**
 * Resolves the record's new 分院 / 专业 / 班级 inside the approval's transaction. A unit named by an item in
 * `create` is created when missing (college with the next code; major in the resulting college; class
 * under the record's resulting major) and audited; any other missing unit refuses the approval with the
 * unit's name, so nothing is half-applied.
 */
export async function resolvePlacement(
  tx: Tx,
  actor: Actor,
  record: {
    collegeId: string;
    majorId: string;
    major: { name: string };
    classGroup: { name: string };
  },
  after: Partial<Record<PlacementField, string>>,
  create: ReadonlySet<PlacementField>,
  requestId: string,
): Promise<Placement | null> {
  if (after.college === undefined && after.major === undefined && after.classGroup === undefined) return null;
  const context = { correctionRequestId: requestId };
  let collegeId = record.collegeId;
  if (after.college !== undefined) {
    const name = after.college;
    let found = await tx.college.findUnique({ where: { name }, select: { id: true } });
    if (!found && create.has("college"))
      found = await createOnce(() => createCollegeUnit(tx, actor, { name }, context));
    if (!found) throw new Refused("invalid", "corrections.errors.placement.college", { value: name });
    collegeId = found.id;
  }
  const placement: Placement = { collegeId };
  const collegeChanged = after.college !== undefined;

  if (collegeChanged || after.major !== undefined) {
    const name = after.major ?? record.major.name;
    let found = await tx.major.findUnique({
      where: { collegeId_name: { collegeId, name } },
      select: { id: true },
    });
    if (!found && after.major !== undefined && create.has("major"))
      found = await createOnce(() => createMajorUnit(tx, actor, { collegeId, name }, context));
    if (!found) throw new Refused("invalid", "corrections.errors.placement.major", { value: name });
    placement.majorId = found.id;
  }

  if (collegeChanged || after.classGroup !== undefined) {
    const name = after.classGroup ?? record.classGroup.name;
    let found = await tx.classGroup.findUnique({
      where: { collegeId_name: { collegeId, name } },
      select: { id: true },
    });
    if (!found && after.classGroup !== undefined && create.has("classGroup")) {
      const majorId = placement.majorId ?? record.majorId;
      found = await createOnce(() => createClassUnit(tx, actor, { collegeId, majorId, name }, context));
    }
    if (!found) throw new Refused("invalid", "corrections.errors.placement.classGroup", { value: name });
    placement.classGroupId = found.id;
  }
  return placement;
}
