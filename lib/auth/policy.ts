import { AuthorizationError } from "@/lib/core/result";
import type { Actor, StaffRole } from "./actor";

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
