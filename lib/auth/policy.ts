import { AuthorizationError } from "@/lib/core/result";
import type { Actor, StaffRole, UnitLimit } from "./actor";

/**
 * Who may do what: the single permission matrix every service consults. College scope is a second,
 * separate check (collegeScope below) applied inside queries, so other colleges' rows are "not found".
 */
export const PERMISSIONS = [
  // students
  "record.viewOwn",
  "selfCheck.confirm",
  "correction.submit",
  "identityCase.submit",
  "account.manageOwn",
  "classmateAssist.answer",
  "accountChange.request",
  "account.exportOwn",
  "account.requestClosure",
  // college staff
  "progress.viewCollege",
  "notChecked.export",
  "reminder.send",
  "correction.collegeReview",
  "idNumber.reveal",
  "phone.reveal",
  // registrar
  "progress.viewAll",
  "roster.import",
  "campaign.manage",
  "correction.registrarReview",
  "recordBinding.decide",
  "graduationLock.manage",
  "record.viewHistory",
  "export.all",
  "accountClosure.decide",
  // support
  "identityCase.review",
  "accountChange.apply",
  "identityPhoto.view",
  // admin
  "staff.manage",
  "settings.manage",
  "audit.view",
  "outbox.view",
  "apiToken.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STUDENT_PERMISSIONS = new Set<Permission>([
  "record.viewOwn",
  "selfCheck.confirm",
  "correction.submit",
  "identityCase.submit",
  "account.manageOwn",
  "classmateAssist.answer",
  "accountChange.request",
  "account.exportOwn",
  "account.requestClosure",
]);
/**
 * A pending account (duplicate ID number) may only resolve its identity and read its inbox — and, like
 * every account, download its data and ask for closure (PIPL art. 45, 47).
 */
const PENDING_STUDENT_PERMISSIONS = new Set<Permission>([
  "identityCase.submit",
  "account.manageOwn",
  "account.exportOwn",
  "account.requestClosure",
]);
/** The student sets, exported for the generated access table in docs/privacy.md. */
export const STUDENT_ROLE_PERMISSIONS = {
  verified: STUDENT_PERMISSIONS,
  pending: PENDING_STUDENT_PERMISSIONS,
} as const;

export const ROLE_PERMISSIONS: Record<StaffRole, Set<Permission>> = {
  college: new Set([
    "progress.viewCollege",
    "notChecked.export",
    "reminder.send",
    "correction.collegeReview",
    "idNumber.reveal",
    "phone.reveal",
  ]),
  registrar: new Set([
    "progress.viewCollege",
    "progress.viewAll",
    "notChecked.export",
    "reminder.send",
    "idNumber.reveal",
    "phone.reveal",
    "roster.import",
    "campaign.manage",
    "correction.registrarReview",
    "recordBinding.decide",
    "graduationLock.manage",
    "record.viewHistory",
    "export.all",
    "accountClosure.decide",
  ]),
  support: new Set(["identityCase.review", "accountChange.apply", "identityPhoto.view"]),
  admin: new Set(["staff.manage", "settings.manage", "audit.view", "outbox.view", "apiToken.manage"]),
};

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "student") {
    return (actor.identityStatus === "verified" ? STUDENT_PERMISSIONS : PENDING_STUDENT_PERMISSIONS).has(
      permission,
    );
  }
  return actor.roles.some((role) => ROLE_PERMISSIONS[role].has(permission));
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new AuthorizationError();
}

/** Staff who see every college: registrar (and API tokens without a college list). */
function seesAllColleges(actor: Actor): boolean {
  if (actor.kind === "student") return false;
  if (actor.kind === "api") return actor.collegeIds.length === 0 && actor.roles.includes("registrar");
  return actor.roles.includes("registrar");
}

/**
 * The colleges an actor may read for a college-level permission: "all" or a list. Use it inside `where`
 * so rows outside the scope are simply not found.
 */
export function collegeScope(actor: Actor): "all" | string[] {
  if (seesAllColleges(actor)) return "all";
  if (actor.kind === "student") return [];
  return actor.collegeIds;
}

/** Prisma `where` fragment restricting a collegeId column to the actor's scope. */
export function collegeWhere(actor: Actor): { collegeId?: { in: string[] } } {
  const scope = collegeScope(actor);
  return scope === "all" ? {} : { collegeId: { in: scope } };
}

export function inCollegeScope(actor: Actor, collegeId: string): boolean {
  const scope = collegeScope(actor);
  return scope === "all" || scope.includes(collegeId);
}

/**
 * What a staff member may see, unit by unit: "all", or per college either the whole college or only some
 * classes / one grade (入学年级). Every record read and write goes through the helpers below (and the SQL
 * forms in ./scope-sql.ts), so a counsellor limited to classes sees no other record of the college —
 * not in lists, record pages, corrections, exports, reminders or the API.
 */
export type UnitScope = { collegeId: string; classGroupIds: string[] | null; cohort: string | null };

export function unitScope(actor: Actor): "all" | UnitScope[] {
  const scope = collegeScope(actor);
  if (scope === "all") return "all";
  const limits = new Map<string, UnitLimit>(
    actor.kind === "staff" ? (actor.unitLimits ?? []).map((l) => [l.collegeId, l]) : [],
  );
  return scope.map((collegeId) => {
    const limit = limits.get(collegeId);
    return {
      collegeId,
      classGroupIds: limit && limit.classGroupIds.length ? limit.classGroupIds : null,
      cohort: limit && !limit.classGroupIds.length && limit.cohort ? limit.cohort : null,
    };
  });
}

/** True when the actor sees some college only in part (classes or a grade). */
export function hasUnitLimits(actor: Actor): boolean {
  const scope = unitScope(actor);
  return scope !== "all" && scope.some((s) => s.classGroupIds || s.cohort);
}

/** Prisma `where` fragment for EnrollmentRecord: the records the actor may see. */
export function recordScopeWhere(actor: Actor): {
  OR?: { collegeId: string; classGroupId?: { in: string[] }; cohort?: string }[];
  collegeId?: { in: string[] };
} {
  const scope = unitScope(actor);
  if (scope === "all") return {};
  if (!hasUnitLimits(actor)) return { collegeId: { in: scope.map((s) => s.collegeId) } };
  return {
    OR: scope.map((s) => ({
      collegeId: s.collegeId,
      ...(s.classGroupIds ? { classGroupId: { in: s.classGroupIds } } : {}),
      ...(s.cohort ? { cohort: s.cohort } : {}),
    })),
  };
}

/** Prisma `where` fragment for a model with collegeId and a `record` relation (correction requests). */
export function recordRelationScopeWhere(actor: Actor): {
  collegeId?: { in: string[] };
  record?: ReturnType<typeof recordScopeWhere>;
} {
  const colleges = collegeWhere(actor);
  return hasUnitLimits(actor) ? { ...colleges, record: recordScopeWhere(actor) } : colleges;
}

export function inRecordScope(
  actor: Actor,
  record: { collegeId: string; classGroupId: string; cohort: string },
): boolean {
  const scope = unitScope(actor);
  if (scope === "all") return true;
  return scope.some(
    (s) =>
      s.collegeId === record.collegeId &&
      (!s.classGroupIds || s.classGroupIds.includes(record.classGroupId)) &&
      (!s.cohort || s.cohort === record.cohort),
  );
}

/** Which area a signed-in person lands on, by role (first match). */
export function homePathFor(actor: Actor): string {
  if (actor.kind === "student") return actor.identityStatus === "pending" ? "/identity" : "/record";
  if (actor.kind === "api") return "/";
  if (actor.roles.includes("registrar")) return "/registrar";
  if (actor.roles.includes("college")) return "/college";
  if (actor.roles.includes("support")) return "/support";
  if (actor.roles.includes("admin")) return "/admin";
  return "/";
}
