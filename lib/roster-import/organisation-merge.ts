import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { rebuildCampaignProgress } from "@/lib/progress/summary";
import { audit } from "@/lib/security/audit";
import type { UnitKind } from "./organisation-units";

/**
 * 合并: one unit (the source) is merged into another of the same kind (the target) and disappears. Every
 * record, staff scope, API token scope and open correction request that points at the source then points
 * at the target, all in one transaction, audited, and the dashboards' counts of the affected campaigns are
 * recounted. Majors and classes merge within their college; merging a college moves its majors and classes
 * along, refused when the target already has a major or class of the same name (merge or rename those first).
 * Campaigns choose students by grade and level only, so no campaign names a unit.
 */
export const mergeSchema = z.object({
  kind: z.enum(["college", "major", "classGroup"]),
  sourceId: z.string().min(1).max(40),
  targetId: z.string().min(1, "registrar.organisation.merge.errors.target").max(40),
});

export type MergePreview = {
  kind: UnitKind;
  source: { id: string; name: string };
  target: { id: string; name: string };
  records: number;
  majors: number;
  classGroups: number;
  corrections: number;
  correctionItems: number;
  staff: number;
  tokens: number;
  campaigns: number;
  /** names of majors / classes that exist in both colleges (college merge only): the merge is refused */
  clashes: string[];
};

type Unit = { id: string; name: string; collegeId: string };

async function loadUnit(tx: Tx | typeof db, kind: UnitKind, id: string): Promise<Unit | null> {
  if (kind === "college") {
    const c = await tx.college.findUnique({ where: { id }, select: { id: true, name: true } });
    return c ? { ...c, collegeId: c.id } : null;
  }
  if (kind === "major")
    return tx.major.findUnique({ where: { id }, select: { id: true, name: true, collegeId: true } });
  return tx.classGroup.findUnique({ where: { id }, select: { id: true, name: true, collegeId: true } });
}

const recordColumn = { college: "collegeId", major: "majorId", classGroup: "classGroupId" } as const;

async function previewIn(
  tx: Tx | typeof db,
  kind: UnitKind,
  source: Unit,
  target: Unit,
): Promise<Result<MergePreview>> {
  if (source.id === target.id) return fail("registrar.organisation.merge.errors.same");
  if (kind !== "college" && source.collegeId !== target.collegeId)
    return fail("registrar.organisation.merge.errors.otherCollege");
  const column = recordColumn[kind];
  const [records, majors, classGroups, corrections, correctionItems, staff, tokens, campaigns, clashes] =
    await Promise.all([
      tx.enrollmentRecord.count({ where: { [column]: source.id } }),
      kind === "college" ? tx.major.count({ where: { collegeId: source.id } }) : Promise.resolve(0),
      kind === "college"
        ? tx.classGroup.count({ where: { collegeId: source.id } })
        : kind === "major"
          ? tx.classGroup.count({ where: { majorId: source.id } })
          : Promise.resolve(0),
      tx.correctionRequest.count({
        where: kind === "college" ? { collegeId: source.id } : { record: { [column]: source.id } },
      }),
      tx.correctionItem.count({ where: itemWhere(kind, source) }),
      kind === "classGroup"
        ? tx.staffCollegeScope.count({ where: { classGroupIds: { contains: source.id } } })
        : kind === "college"
          ? tx.staffCollegeScope.count({ where: { collegeId: source.id } })
          : Promise.resolve(0),
      kind === "college"
        ? tx.apiToken.count({ where: { collegeIds: { contains: source.id } } })
        : Promise.resolve(0),
      tx.progressSummary
        .findMany({ where: { [column]: source.id }, distinct: ["campaignId"], select: { campaignId: true } })
        .then((r) => r.length),
      kind === "college" ? nameClashes(tx, source.id, target.id) : Promise.resolve([]),
    ]);
  return ok({
    kind,
    source: { id: source.id, name: source.name },
    target: { id: target.id, name: target.name },
    records,
    majors,
    classGroups,
    corrections,
    correctionItems,
    staff,
    tokens,
    campaigns,
    clashes,
  });
}

/** Open correction items that ask for the source unit by name (the student picked it from the organisation). */
function itemWhere(kind: UnitKind, source: Unit) {
  return {
    field: kind,
    requestedValue: source.name,
    request: {
      status: { in: [...OPEN_STATUSES] },
      ...(kind === "college" ? {} : { collegeId: source.collegeId }),
    },
  };
}

async function nameClashes(tx: Tx | typeof db, sourceId: string, targetId: string): Promise<string[]> {
  const [sm, tm, sc, tc] = await Promise.all([
    tx.major.findMany({ where: { collegeId: sourceId }, select: { name: true } }),
    tx.major.findMany({ where: { collegeId: targetId }, select: { name: true } }),
    tx.classGroup.findMany({ where: { collegeId: sourceId }, select: { name: true } }),
    tx.classGroup.findMany({ where: { collegeId: targetId }, select: { name: true } }),
  ]);
  const inTarget = (list: { name: string }[], other: { name: string }[]) =>
    list.filter((u) => other.some((o) => o.name === u.name)).map((u) => u.name);
  return [...new Set([...inTarget(sm, tm), ...inTarget(sc, tc)])].sort();
}

function parse(input: unknown): { ok: true; data: z.infer<typeof mergeSchema> } | { ok: false; key: string } {
  const parsed = mergeSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "";
  return {
    ok: false,
    key: message.startsWith("registrar.") ? message : "registrar.organisation.merge.errors.target",
  };
}

/** What a merge would move, without writing anything. */
export async function previewMerge(actor: Actor, input: unknown): Promise<Result<MergePreview>> {
  assertCan(actor, "roster.import");
  const parsed = parse(input);
  if (!parsed.ok) return fail(parsed.key);
  const { kind, sourceId, targetId } = parsed.data;
  const [source, target] = await Promise.all([loadUnit(db, kind, sourceId), loadUnit(db, kind, targetId)]);
  if (!source) return fail("registrar.organisation.errors.notFound");
  if (!target) return fail("registrar.organisation.merge.errors.target");
  return previewIn(db, kind, source, target);
}

/** The choices of targets: units of the same kind (majors and classes: of the same college). */
export async function mergeTargets(actor: Actor, kind: UnitKind, source: Unit) {
  assertCan(actor, "roster.import");
  const where = { id: { not: source.id }, ...(kind === "college" ? {} : { collegeId: source.collegeId }) };
  if (kind === "college")
    return db.college.findMany({ where, orderBy: { code: "asc" }, select: { id: true, name: true } });
  if (kind === "major")
    return db.major.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return db.classGroup.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function mergeSource(actor: Actor, kind: UnitKind, id: string): Promise<Unit | null> {
  assertCan(actor, "roster.import");
  return loadUnit(db, kind, id);
}

/**
 * Performs the merge after the registrar confirmed the preview. The counts are taken again inside the
 * transaction and must equal the ones the registrar saw (`expectedRecords`); otherwise nothing happens and
 * the preview is shown again.
 */
export async function mergeUnits(
  actor: Actor,
  input: unknown,
  expectedRecords: number,
  meta: { ip?: string | null } = {},
): Promise<Result<MergePreview>> {
  assertCan(actor, "roster.import");
  const parsed = parse(input);
  if (!parsed.ok) return fail(parsed.key);
  const { kind, sourceId, targetId } = parsed.data;
  return db.$transaction(
    async (tx) => {
      const [source, target] = await Promise.all([
        loadUnit(tx, kind, sourceId),
        loadUnit(tx, kind, targetId),
      ]);
      if (!source) return fail("registrar.organisation.errors.notFound");
      if (!target) return fail("registrar.organisation.merge.errors.target");
      const preview = await previewIn(tx, kind, source, target);
      if (!preview.ok) return preview;
      if (preview.value.clashes.length)
        return fail("registrar.organisation.merge.errors.clashes", {
          names: preview.value.clashes.join("、"),
        });
      if (preview.value.records !== expectedRecords)
        return fail("registrar.organisation.merge.errors.changed");

      const campaignIds = await tx.progressSummary.findMany({
        where: { [recordColumn[kind]]: source.id },
        distinct: ["campaignId"],
        select: { campaignId: true },
      });
      // open correction items that asked for the source by name now ask for the target
      await tx.correctionItem.updateMany({
        where: itemWhere(kind, source),
        data: { requestedValue: target.name },
      });
      if (kind === "college") await mergeCollege(tx, source.id, target.id);
      else if (kind === "major") await mergeMajor(tx, source.id, target.id);
      else await mergeClass(tx, source.id, target.id);

      const campaigns = await tx.campaign.findMany({
        where: { id: { in: campaignIds.map((c) => c.campaignId) } },
        select: { id: true, cohort: true, level: true },
      });
      for (const campaign of campaigns) await rebuildCampaignProgress(tx, campaign);
      const { kind: _k, source: s, target: t, ...moved } = preview.value;
      await audit(tx, actor, {
        action: `organisation.merge.${kind}`,
        targetType: kind,
        targetId: target.id,
        before: { source: s.name, sourceId: s.id },
        after: { target: t.name, ...moved },
        ip: meta.ip,
      });
      return preview;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function mergeClass(tx: Tx, sourceId: string, targetId: string) {
  await tx.enrollmentRecord.updateMany({
    where: { classGroupId: sourceId },
    data: { classGroupId: targetId },
  });
  const scopes = await tx.staffCollegeScope.findMany({ where: { classGroupIds: { contains: sourceId } } });
  for (const scope of scopes) {
    const ids = scope.classGroupIds.split(",").filter(Boolean);
    if (!ids.includes(sourceId)) continue;
    const next = [...new Set(ids.map((id) => (id === sourceId ? targetId : id)))].sort();
    await tx.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId: scope.staffUserId, collegeId: scope.collegeId } },
      data: { classGroupIds: next.join(",") },
    });
  }
  await tx.classGroup.delete({ where: { id: sourceId } });
}

async function mergeMajor(tx: Tx, sourceId: string, targetId: string) {
  await tx.enrollmentRecord.updateMany({ where: { majorId: sourceId }, data: { majorId: targetId } });
  await tx.classGroup.updateMany({ where: { majorId: sourceId }, data: { majorId: targetId } });
  await tx.major.delete({ where: { id: sourceId } });
}

/**
 * Moves the source college's majors, classes, records and correction requests to the target, then its staff
 * scopes and API token scopes. A staff member who had both colleges sees what they saw before as a class list
 * where possible (whole college = all its classes); where a grade and classes cannot be put together, the
 * target's limit is kept, so nobody sees more students after a merge than before.
 */
async function mergeCollege(tx: Tx, sourceId: string, targetId: string) {
  const classIds = async (collegeId: string) =>
    (await tx.classGroup.findMany({ where: { collegeId }, select: { id: true } })).map((c) => c.id);
  const sourceClassIds = await classIds(sourceId);
  const targetClassIds = await classIds(targetId);
  await tx.major.updateMany({ where: { collegeId: sourceId }, data: { collegeId: targetId } });
  await tx.classGroup.updateMany({ where: { collegeId: sourceId }, data: { collegeId: targetId } });
  await tx.enrollmentRecord.updateMany({ where: { collegeId: sourceId }, data: { collegeId: targetId } });
  await tx.correctionRequest.updateMany({ where: { collegeId: sourceId }, data: { collegeId: targetId } });

  const scopes = await tx.staffCollegeScope.findMany({ where: { collegeId: { in: [sourceId, targetId] } } });
  for (const from of scopes.filter((s) => s.collegeId === sourceId)) {
    const into = scopes.find((s) => s.collegeId === targetId && s.staffUserId === from.staffUserId);
    const key = { staffUserId_collegeId: { staffUserId: from.staffUserId, collegeId: sourceId } };
    if (!into) {
      // the source's classes are the target's now: a class list stays valid, a grade stays a grade
      await tx.staffCollegeScope.delete({ where: key });
      await tx.staffCollegeScope.create({
        data: {
          staffUserId: from.staffUserId,
          collegeId: targetId,
          classGroupIds: from.classGroupIds,
          cohort: from.cohort,
        },
      });
      continue;
    }
    // both colleges: the union as a class list where it can be one; otherwise the narrower limit is kept
    const list = (csv: string) => csv.split(",").filter(Boolean);
    const fromWhole = !from.classGroupIds && !from.cohort;
    const intoWhole = !into.classGroupIds && !into.cohort;
    const fromClasses = from.classGroupIds ? list(from.classGroupIds) : from.cohort ? [] : sourceClassIds;
    let next: { classGroupIds: string; cohort: string } | null = null;
    if (intoWhole && !fromWhole)
      next = { classGroupIds: [...targetClassIds, ...fromClasses].sort().join(","), cohort: "" };
    else if (into.classGroupIds)
      next = {
        classGroupIds: [...new Set([...list(into.classGroupIds), ...fromClasses])].sort().join(","),
        cohort: "",
      };
    if (next && next.classGroupIds === "") next = { classGroupIds: "", cohort: into.cohort || from.cohort };
    if (next)
      await tx.staffCollegeScope.update({
        where: { staffUserId_collegeId: { staffUserId: into.staffUserId, collegeId: targetId } },
        data: next,
      });
    await tx.staffCollegeScope.delete({ where: key });
  }

  const tokens = await tx.apiToken.findMany({ where: { collegeIds: { contains: sourceId } } });
  for (const token of tokens) {
    const ids = token.collegeIds.split(",").filter(Boolean);
    if (!ids.includes(sourceId)) continue;
    const next = [...new Set(ids.map((id) => (id === sourceId ? targetId : id)))];
    await tx.apiToken.update({ where: { id: token.id }, data: { collegeIds: next.join(",") } });
  }
  await tx.college.delete({ where: { id: sourceId } });
}
