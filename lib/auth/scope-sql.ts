import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Actor } from "./actor";
import { hasUnitLimits, unitScope } from "./policy";

/**
 * The SQL forms of the actor's unit scope (lib/auth/policy.ts unitScope) for raw queries. null = no
 * condition (sees everything); `FALSE_SQL` when the actor sees nothing.
 */
const FALSE_SQL = Prisma.sql`1 = 0`;

/** Condition on an "EnrollmentRecord" alias (collegeId, classGroupId, cohort). */
export function recordScopeSql(actor: Actor, alias: string): Prisma.Sql | null {
  const scope = unitScope(actor);
  if (scope === "all") return null;
  if (scope.length === 0) return FALSE_SQL;
  const a = (column: string) => Prisma.raw(`${alias}."${column}"`);
  if (scope.every((s) => !s.classGroupIds && !s.cohort))
    return Prisma.sql`${a("collegeId")} IN (${Prisma.join(scope.map((s) => s.collegeId))})`;
  const parts = scope.map((s) => {
    const conditions = [Prisma.sql`${a("collegeId")} = ${s.collegeId}`];
    if (s.classGroupIds)
      conditions.push(Prisma.sql`${a("classGroupId")} IN (${Prisma.join(s.classGroupIds)})`);
    if (s.cohort) conditions.push(Prisma.sql`${a("cohort")} = ${s.cohort}`);
    return Prisma.sql`(${Prisma.join(conditions, " AND ")})`;
  });
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/**
 * Condition on a "CorrectionRequest" alias, the SQL form of policy.ts recordRelationScopeWhere: the request's
 * college in the actor's colleges and, for a counsellor limited to classes or a grade, its record within them.
 */
export function requestScopeSql(actor: Actor, alias: string): Prisma.Sql | null {
  const scope = unitScope(actor);
  if (scope === "all") return null;
  if (scope.length === 0) return FALSE_SQL;
  const college = Prisma.sql`${Prisma.raw(`${alias}."collegeId"`)} IN (${Prisma.join(scope.map((s) => s.collegeId))})`;
  const record = hasUnitLimits(actor) ? recordScopeSql(actor, "scope_r") : null;
  if (!record) return college;
  return Prisma.sql`${college} AND EXISTS (SELECT 1 FROM "EnrollmentRecord" scope_r
    WHERE scope_r."id" = ${Prisma.raw(`${alias}."recordId"`)} AND ${record})`;
}

/**
 * Condition on a "ProgressSummary" alias of one campaign: a grade-limited college counts only when the
 * campaign is for that grade (a campaign covers one cohort).
 */
export function summaryScopeSql(actor: Actor, alias: string, campaignCohort: string): Prisma.Sql | null {
  const scope = unitScope(actor);
  if (scope === "all") return null;
  const visible = scope.filter((s) => !s.cohort || s.cohort === campaignCohort.trim());
  if (visible.length === 0) return FALSE_SQL;
  const a = (column: string) => Prisma.raw(`${alias}."${column}"`);
  if (visible.every((s) => !s.classGroupIds))
    return Prisma.sql`${a("collegeId")} IN (${Prisma.join(visible.map((s) => s.collegeId))})`;
  const parts = visible.map((s) =>
    s.classGroupIds
      ? Prisma.sql`(${a("collegeId")} = ${s.collegeId} AND ${a("classGroupId")} IN (${Prisma.join(s.classGroupIds)}))`
      : Prisma.sql`${a("collegeId")} = ${s.collegeId}`,
  );
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** A stable text of the scope, for cache keys. */
export function scopeKey(actor: Actor): string {
  const scope = unitScope(actor);
  if (scope === "all") return "*";
  return scope
    .map(
      (s) =>
        `${s.collegeId}:${s.classGroupIds ? [...s.classGroupIds].sort().join("+") : ""}:${s.cohort ?? ""}`,
    )
    .sort()
    .join(",");
}
