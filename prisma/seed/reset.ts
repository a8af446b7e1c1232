import { Prisma } from "../../lib/db/generated/sqlite/client";
import type { Db } from "../../lib/db/client";
import { providerOf } from "../../lib/db/provider";

type ModelName = Prisma.ModelName;

/**
 * Every model, children before parents, so plain deletes never trip a foreign key (restrictive ones such
 * as ApiToken → StaffUser or EnrollmentRecord → College included).
 */
export const DELETE_ORDER: readonly ModelName[] = [
  "ImportChange",
  "ImportRowIssue",
  "ImportJob",
  "AuditLog",
  "OutboundMessage",
  "Notification",
  "ClassmateAssist",
  "IdentityCase",
  "EvidenceFile",
  "CorrectionItem",
  "CorrectionRequest",
  "RecordBindingRequest",
  "ReminderLog",
  "SelfCheck",
  "RecordHistory",
  "ProgressSummary",
  "Campaign",
  "EnrollmentRecord",
  "ClassGroup",
  "Major",
  "StaffCollegeScope",
  "ApiToken",
  "College",
  "AuthSession",
  "LoginEvent",
  "CaptchaChallenge",
  "ResetToken",
  "VerificationCode",
  "ExternalIdentity",
  "StaffExternalLink",
  "OidcAuthState",
  "SignInProvider",
  "SecurityQuestion",
  "AccountClosureRequest",
  "Account",
  "StaffUser",
  "Setting",
  "RateLimiterFlexible",
];

/** Models the delete order forgot (a new model in the schema must be added above). */
export function modelsMissingFromDeleteOrder(): ModelName[] {
  return Object.values(Prisma.ModelName).filter((model) => !DELETE_ORDER.includes(model));
}

/** Deletes all application data (not the migration history) in one transaction. */
export async function resetDatabase(db: Db, url: string): Promise<void> {
  const missing = modelsMissingFromDeleteOrder();
  if (missing.length > 0) throw new Error(`prisma/seed/reset.ts: add ${missing.join(", ")} to DELETE_ORDER`);
  // Table names equal model names (no @@map in the schema).
  const tables = DELETE_ORDER.map((model) => `"${model}"`);
  await db.$transaction(
    async (tx) => {
      // PostgreSQL: one TRUNCATE of every table is FK-safe and far faster than deleting 100,000 rows
      // whose foreign keys are checked one by one.
      if (providerOf(url) === "postgresql") await tx.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")}`);
      else for (const table of tables) await tx.$executeRawUnsafe(`DELETE FROM ${table}`);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** True when the database already holds organisation, records, staff or accounts. */
export async function hasData(db: Db): Promise<boolean> {
  const [colleges, records, staff, accounts] = await Promise.all([
    db.college.count(),
    db.enrollmentRecord.count(),
    db.staffUser.count(),
    db.account.count(),
  ]);
  return colleges + records + staff + accounts > 0;
}
