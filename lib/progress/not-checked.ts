import "server-only";
import { z } from "zod";
import { readRaw } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeScope } from "@/lib/auth/policy";
import { recordScopeSql, summaryScopeSql } from "@/lib/auth/scope-sql";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { hasPhone, maskPhone } from "@/lib/identity/phone";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import { coveredLevels, type CampaignRef } from "./campaign";

/**
 * The columns the 未查名单 can be sorted by, each mapped to its own ORDER BY (never a name from the URL).
 * ID numbers and phones are not sortable: the order would tell the masked digits.
 */
const ORDER_BY = {
  studentNumber: Prisma.sql`r."studentNumber"`,
  name: Prisma.sql`r."name"`,
  gender: Prisma.sql`r."gender"`,
  college: Prisma.sql`co."name"`,
  major: Prisma.sql`ma."name"`,
  classGroup: Prisma.sql`cg."name"`,
  status: Prisma.sql`CASE WHEN r."accountId" IS NOT NULL THEN 1 ELSE 0 END`,
} as const;
export type NotCheckedSort = keyof typeof ORDER_BY;
/**
 * 20 rows a page unless the URL asks for 50 or 100 (the pager offers them): a secretary works through the
 * list a class at a time, and each row is ~0.7 KB of HTML rendered on the server (docs/performance.md).
 */
export const NOT_CHECKED_LIST: ListSpec<NotCheckedSort> = {
  sorts: ["studentNumber", "name", "gender", "college", "major", "classGroup", "status"],
  defaultSort: "studentNumber",
  defaultPageSize: 20,
};
export const notCheckedListParams = (raw: Record<string, unknown>) => parseListParams(NOT_CHECKED_LIST, raw);

/**
 * The unit table a sort needs while the page's rows are chosen; the unit names shown are joined to the
 * chosen rows only (fewer tables in the choosing query: PostgreSQL plans it in a fraction of the time).
 */
const ORDER_JOIN: Partial<Record<NotCheckedSort, Prisma.Sql>> = {
  college: Prisma.sql`JOIN "College" co ON co."id" = r."collegeId"`,
  major: Prisma.sql`JOIN "Major" ma ON ma."id" = r."majorId"`,
  classGroup: Prisma.sql`JOIN "ClassGroup" cg ON cg."id" = r."classGroupId"`,
};

/** An ORDER BY valid both where the rows are chosen and on the page's outer query (same aliases). */
type Order = { by: Prisma.Sql; join: Prisma.Sql };

function orderBy(list: Pick<ListParams<NotCheckedSort>, "sort" | "dir">): Order {
  const dir = Prisma.raw(list.dir === "desc" ? "DESC" : "ASC");
  // 学号 breaks ties, so pages neither repeat nor skip a row
  const by =
    list.sort === "studentNumber"
      ? Prisma.sql`r."studentNumber" ${dir}`
      : Prisma.sql`${ORDER_BY[list.sort]} ${dir}, r."studentNumber" ASC`;
  return { by, join: ORDER_JOIN[list.sort] ?? Prisma.empty };
}

const BY_STUDENT_NUMBER: Order = { by: Prisma.sql`r."studentNumber" ASC`, join: Prisma.empty };

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
  /** an open correction request (已报错): the student answered, so no reminder goes out */
  reported: boolean;
  /** the account's phone as 138****5678; null without an account or a bound number */
  phoneMasked: string | null;
};

/**
 * Records of the campaign, in scope, not confirmed (no SelfCheck with confirmedAt), narrowed by the
 * filters; search matches 姓名, 学号 or 班级 by substring. As SQL (the WHERE over "EnrollmentRecord" r),
 * so the list's ids and count are read from one covering index and the row details fetched for the page only.
 * `contains` is a plain `LIKE '%q%'` exactly as Prisma issues it. null = the actor has no colleges.
 */
function notCheckedSql(
  actor: Actor,
  campaign: CampaignRef,
  f: Omit<NotCheckedFilter, "page">,
  probeEachRow = false,
): Prisma.Sql | null {
  const scope = collegeScope(actor);
  if (scope !== "all" && scope.length === 0) return null;
  const levels = coveredLevels(campaign);
  // A correlated [NOT] EXISTS probes SelfCheck's (campaignId, recordId) key for the rows the list walks: with
  // the count read from ProgressSummary, a page walks the records in 学号 order (an index of the college's
  // records, or of every record for the registrar) only until it has its 50 rows.
  const selfCheck = (negate: boolean, confirmedOnly: boolean): Prisma.Sql => {
    const confirmed = confirmedOnly ? Prisma.sql`AND s."confirmedAt" IS NOT NULL` : Prisma.empty;
    return Prisma.sql`${Prisma.raw(negate ? "NOT EXISTS" : "EXISTS")} (SELECT 1 FROM "SelfCheck" s
          WHERE s."campaignId" = ${campaign.id} AND s."recordId" = r."id" ${confirmed})`;
  };
  // The search's count (probeEachRow): as NOT EXISTS, PostgreSQL hashed every confirmed self-check of the
  // campaign (≈ 18,000 at 100,000 students) for a few hundred matches, its estimate of the LIKE's matches being
  // far too high; a value probe per matching row cannot be turned into that join. (campaignId, recordId) is
  // unique, so the probe finds one row at most, and its confirmedAt is NULL exactly when NOT EXISTS holds.
  const notConfirmed = probeEachRow
    ? Prisma.sql`(SELECT s."confirmedAt" FROM "SelfCheck" s
          WHERE s."campaignId" = ${campaign.id} AND s."recordId" = r."id") IS NULL`
    : selfCheck(true, true);
  const conditions = [
    Prisma.sql`r."cohort" = ${campaign.cohort.trim()}`,
    levels ? Prisma.sql`r."level" IN (${Prisma.join(levels)})` : null,
    recordScopeSql(actor, "r"),
    notConfirmed,
    f.collegeId ? Prisma.sql`r."collegeId" = ${f.collegeId}` : null,
    f.majorId ? Prisma.sql`r."majorId" = ${f.majorId}` : null,
    f.classGroupId ? Prisma.sql`r."classGroupId" = ${f.classGroupId}` : null,
    f.registered === "yes" ? Prisma.sql`r."accountId" IS NOT NULL` : null,
    f.registered === "no" ? Prisma.sql`r."accountId" IS NULL` : null,
    f.viewed === "yes" ? selfCheck(false, false) : null,
    f.viewed === "no" ? selfCheck(true, false) : null,
    f.q
      ? Prisma.sql`(r."name" LIKE ${`%${f.q}%`} OR r."studentNumber" LIKE ${`%${f.q}%`}
          OR r."classGroupId" IN (SELECT g."id" FROM "ClassGroup" g WHERE g."name" LIKE ${`%${f.q}%`}))`
      : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return Prisma.join(conditions, " AND ");
}

type RawRow = {
  id: string;
  studentNumber: string;
  name: string;
  gender: string;
  idMasked: string;
  registered: unknown;
  college: string;
  major: string;
  classGroup: string;
  viewed: unknown;
  reported: unknown;
  phone: string | null;
};

/**
 * Matching rows in 学号 order with unit names and whether each was viewed in the campaign, in one
 * statement: a page (LIMIT 50 OFFSET …) or an export chunk.
 */
async function rowsWhere(
  campaignId: string,
  where: Prisma.Sql,
  limit: number,
  offset = 0,
  order: Order = BY_STUDENT_NUMBER,
): Promise<NotCheckedRow[]> {
  // The page's rows are chosen first (the index walk in 学号 order stops at LIMIT), then joined to their unit
  // names and probed for 已查看 / 已报错: with the probes beside the walk, PostgreSQL hashed every self-check
  // of the campaign (tens of thousands of rows) for a page of 50.
  const found = await readRaw<RawRow[]>`
    SELECT r."id", r."studentNumber", r."name", r."gender", r."idMasked",
      CASE WHEN r."accountId" IS NOT NULL THEN 1 ELSE 0 END AS "registered",
      co."name" AS "college", ma."name" AS "major", cg."name" AS "classGroup",
      CASE WHEN EXISTS (
        SELECT 1 FROM "SelfCheck" s WHERE s."campaignId" = ${campaignId} AND s."recordId" = r."id"
      ) THEN 1 ELSE 0 END AS "viewed",
      CASE WHEN EXISTS (
        SELECT 1 FROM "CorrectionRequest" c
        WHERE c."recordId" = r."id" AND c."status" IN (${Prisma.join([...OPEN_STATUSES])})
      ) THEN 1 ELSE 0 END AS "reported",
      a."phone" AS "phone"
    FROM (
      SELECT r."id", r."studentNumber", r."name", r."gender", r."idMasked", r."accountId",
        r."collegeId", r."majorId", r."classGroupId"
      FROM "EnrollmentRecord" r ${order.join}
      WHERE ${where}
      ORDER BY ${order.by}
      LIMIT ${limit} OFFSET ${offset}
    ) r
    JOIN "College" co ON co."id" = r."collegeId"
    JOIN "Major" ma ON ma."id" = r."majorId"
    JOIN "ClassGroup" cg ON cg."id" = r."classGroupId"
    LEFT JOIN "Account" a ON a."id" = r."accountId"
    ORDER BY ${order.by}`;
  return found.map((r) => ({
    id: r.id,
    studentNumber: r.studentNumber,
    name: r.name,
    gender: r.gender,
    idMasked: r.idMasked,
    college: r.college,
    major: r.major,
    classGroup: r.classGroup,
    registered: Number(r.registered) === 1,
    viewed: Number(r.viewed) === 1,
    reported: Number(r.reported) === 1,
    // the full number never leaves this module: staff reveal it one row at a time (lib/progress/reveal.ts)
    phoneMasked: hasPhone(r.phone) ? maskPhone(r.phone) : null,
  }));
}

/**
 * How many records the list holds without a search, from ProgressSummary (lib/progress/summary.ts): the
 * not-confirmed records of the units in scope, split by registered / viewed.
 */
async function summaryCount(
  actor: Actor,
  campaign: CampaignRef,
  f: Omit<NotCheckedFilter, "page">,
): Promise<number> {
  const conditions = [
    Prisma.sql`p."campaignId" = ${campaign.id}`,
    summaryScopeSql(actor, "p", campaign.cohort),
    f.collegeId ? Prisma.sql`p."collegeId" = ${f.collegeId}` : null,
    f.majorId ? Prisma.sql`p."majorId" = ${f.majorId}` : null,
    f.classGroupId ? Prisma.sql`p."classGroupId" = ${f.classGroupId}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  const [row] = await readRaw<{ all: unknown; r: unknown; v: unknown; rv: unknown }[]>`
    SELECT SUM(p."total" - p."confirmed") AS "all", SUM(p."pendingRegistered") AS "r",
      SUM(p."pendingViewed") AS "v", SUM(p."pendingRegisteredViewed") AS "rv"
    FROM "ProgressSummary" p WHERE ${Prisma.join(conditions, " AND ")}`;
  const all = Number(row?.all ?? 0);
  const r = Number(row?.r ?? 0);
  const v = Number(row?.v ?? 0);
  const rv = Number(row?.rv ?? 0);
  // registered × viewed among the not confirmed, by inclusion–exclusion
  const byViewed = (viewed: number, inScope: number) =>
    f.viewed === "yes" ? viewed : f.viewed === "no" ? inScope - viewed : inScope;
  if (f.registered === "yes") return byViewed(rv, r);
  if (f.registered === "no") return byViewed(v - rv, all - r);
  return byViewed(v, all);
}

/** One page (server-side, sorted and sized as the URL asks) of the 未查名单 and the total matching. */
export async function notCheckedPage(
  actor: Actor,
  campaign: CampaignRef,
  filter: NotCheckedFilter,
  list: ListParams<NotCheckedSort> = parseListParams(NOT_CHECKED_LIST, { page: filter.page }),
): Promise<{ rows: NotCheckedRow[]; total: number; page: number; pages: number }> {
  assertCan(actor, "progress.viewCollege");
  const where = notCheckedSql(actor, campaign, filter);
  if (!where) return { rows: [], total: 0, page: 1, pages: 1 };
  const pageRows = (page: number) =>
    rowsWhere(campaign.id, where, list.pageSize, (page - 1) * list.pageSize, orderBy(list));
  // the count and the page asked for at once (on PostgreSQL two connections work side by side)
  const [total, asked] = await Promise.all([
    filter.q
      ? readRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "EnrollmentRecord" r
          WHERE ${notCheckedSql(actor, campaign, filter, true)}`.then((r) => Number(r[0]?.n ?? 0))
      : summaryCount(actor, campaign, filter),
    pageRows(list.page),
  ]);
  // a page past the end shows the last page (a link kept while the list shrank)
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = page === list.page ? asked : await pageRows(page);
  return { rows, total, page, pages };
}

/**
 * Ids of every matching record in list order, in one query (reminders: ids are small, ≈ 1.5 MB per
 * 50,000).
 */
export async function notCheckedIds(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
): Promise<string[]> {
  const where = notCheckedSql(actor, campaign, filter);
  if (!where) return [];
  const rows = await readRaw<{ id: string }[]>`
    SELECT r."id" FROM "EnrollmentRecord" r WHERE ${where} ORDER BY r."studentNumber" ASC`;
  return rows.map((r) => r.id);
}

/**
 * Every matching record in list order, `chunkSize` rows at a time (exports). Each chunk continues after the
 * last 学号 of the one before (the index walk resumes where it stopped, no OFFSET re-reading the list), so
 * memory holds one chunk whatever the list's length, and the next chunk is read only when the consumer
 * asks for it.
 */
export async function* notCheckedChunks(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
  chunkSize = 2000,
): AsyncGenerator<NotCheckedRow[]> {
  const where = notCheckedSql(actor, campaign, filter);
  if (!where) return;
  let after: string | null = null;
  for (;;) {
    const rows = await rowsWhere(
      campaign.id,
      after === null ? where : Prisma.sql`${where} AND r."studentNumber" > ${after}`,
      chunkSize,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < chunkSize) return;
    after = rows[rows.length - 1].studentNumber;
  }
}
