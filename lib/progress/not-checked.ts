import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { coverageWhere, type CampaignRef } from "./campaign";

export const PAGE_SIZE = 50;

/** The 未查名单 filters, as they arrive in the page's query string (bad values fall back to "all"). */
export const notCheckedFilterSchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  registered: z.enum(["yes", "no"]).optional().catch(undefined),
  viewed: z.enum(["yes", "no"]).optional().catch(undefined),
  collegeId: z.string().max(40).optional().catch(undefined),
  majorId: z.string().max(40).optional().catch(undefined),
  classGroupId: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type NotCheckedFilter = z.infer<typeof notCheckedFilterSchema>;

/**
 * Records of the campaign, in scope, not confirmed (no SelfCheck with confirmedAt), narrowed by the
 * filters. Search matches 姓名, 学号 or 班级 by substring.
 */
export function notCheckedWhere(
  actor: Actor,
  campaign: CampaignRef,
  f: Omit<NotCheckedFilter, "page">,
): Prisma.EnrollmentRecordWhereInput {
  const and: Prisma.EnrollmentRecordWhereInput[] = [
    coverageWhere(actor, campaign),
    { selfChecks: { none: { campaignId: campaign.id, confirmedAt: { not: null } } } },
  ];
  if (f.collegeId) and.push({ collegeId: f.collegeId });
  if (f.majorId) and.push({ majorId: f.majorId });
  if (f.classGroupId) and.push({ classGroupId: f.classGroupId });
  if (f.registered) and.push({ accountId: f.registered === "yes" ? { not: null } : null });
  if (f.viewed === "yes") and.push({ selfChecks: { some: { campaignId: campaign.id } } });
  if (f.viewed === "no") and.push({ selfChecks: { none: { campaignId: campaign.id } } });
  if (f.q) {
    const q = f.q;
    and.push({
      OR: [
        { name: { contains: q } },
        { studentNumber: { contains: q } },
        { classGroup: { name: { contains: q } } },
      ],
    });
  }
  return { AND: and };
}

export const notCheckedSelect = {
  id: true,
  studentNumber: true,
  name: true,
  gender: true,
  idMasked: true,
  accountId: true,
  college: { select: { name: true } },
  major: { select: { name: true } },
  classGroup: { select: { name: true } },
} as const satisfies Prisma.EnrollmentRecordSelect;

export type NotCheckedRow = {
  id: string;
  studentNumber: string;
  name: string;
  gender: string;
  idMasked: string;
  college: string;
  major: string;
  classGroup: string;
  registered: boolean;
  viewed: boolean;
};

/** Whether each record was viewed in the campaign (one query for a page or an export chunk). */
async function viewedSet(campaignId: string, recordIds: string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db.selfCheck.findMany({
    where: { campaignId, recordId: { in: recordIds } },
    select: { recordId: true },
  });
  return new Set(rows.map((r) => r.recordId));
}

type Selected = Prisma.EnrollmentRecordGetPayload<{ select: typeof notCheckedSelect }>;

export async function toRows(campaignId: string, records: Selected[]): Promise<NotCheckedRow[]> {
  const viewed = await viewedSet(
    campaignId,
    records.map((r) => r.id),
  );
  return records.map((r) => ({
    id: r.id,
    studentNumber: r.studentNumber,
    name: r.name,
    gender: r.gender,
    idMasked: r.idMasked,
    college: r.college.name,
    major: r.major.name,
    classGroup: r.classGroup.name,
    registered: r.accountId !== null,
    viewed: viewed.has(r.id),
  }));
}

/** One page (50, server-side) of the 未查名单 and the total matching. */
export async function notCheckedPage(
  actor: Actor,
  campaign: CampaignRef,
  filter: NotCheckedFilter,
): Promise<{ rows: NotCheckedRow[]; total: number; page: number; pages: number }> {
  assertCan(actor, "progress.viewCollege");
  const where = notCheckedWhere(actor, campaign, filter);
  const [records, total] = await Promise.all([
    db.enrollmentRecord.findMany({
      where,
      select: notCheckedSelect,
      orderBy: { studentNumber: "asc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.enrollmentRecord.count({ where }),
  ]);
  return {
    rows: await toRows(campaign.id, records),
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/**
 * Ids of every matching record in list order, in one query: paging through a large list with a cursor
 * made SQLite re-run the filter and sort for every chunk (quadratic); ids are small (≈ 1.5 MB per 50,000).
 */
export async function notCheckedIds(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
): Promise<string[]> {
  const rows = await db.enrollmentRecord.findMany({
    where: notCheckedWhere(actor, campaign, filter),
    select: { id: true },
    orderBy: { studentNumber: "asc" },
  });
  return rows.map((r) => r.id);
}

/** Every matching record, in chunks (exports): never the whole list's details in memory. */
export async function* notCheckedChunks(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
  chunkSize = 900, // `in` lists stay under the SQLite adapter's 999 parameters
): AsyncGenerator<NotCheckedRow[]> {
  const ids = await notCheckedIds(actor, campaign, filter);
  for (let i = 0; i < ids.length; i += chunkSize) {
    const slice = ids.slice(i, i + chunkSize);
    const records = await db.enrollmentRecord.findMany({
      where: { id: { in: slice } },
      select: notCheckedSelect,
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    const ordered = slice.map((id) => byId.get(id)).filter((r): r is Selected => r !== undefined);
    yield toRows(campaign.id, ordered);
  }
}
