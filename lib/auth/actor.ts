/** Who is acting. Built on the server from the session (or API token); never from client input. */
export const STAFF_ROLES = ["college", "registrar", "support", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type StudentActor = {
  kind: "student";
  accountId: string;
  sessionId: string;
  /** verified | pending (a pending account sees only /identity and its inbox) */
  identityStatus: "verified" | "pending";
};

export type StaffActor = {
  kind: "staff";
  staffUserId: string;
  username: string;
  displayName: string;
  sessionId: string;
  roles: StaffRole[];
  /** colleges a college-role user may see */
  collegeIds: string[];
  /**
   * Colleges of collegeIds where the user sees only some classes or one grade (入学年级); a college not
   * listed here is seen whole. Read through lib/auth/policy.ts (recordScopeWhere, inRecordScope).
   */
  unitLimits?: UnitLimit[];
  mustChangePassword: boolean;
};

/** Within one college: only these classes, or only one grade (never both). */
export type UnitLimit = { collegeId: string; classGroupIds: string[]; cohort: string | null };

export type ApiActor = {
  kind: "api";
  tokenId: string;
  tokenName: string;
  roles: StaffRole[];
  /** empty = every college (registrar tokens) */
  collegeIds: string[];
  /** read-only tokens are refused (403) on every write endpoint */
  readOnly?: boolean;
};

export type Actor = StudentActor | StaffActor | ApiActor;

export function parseRoles(csv: string): StaffRole[] {
  return csv
    .split(",")
    .map((r) => r.trim())
    .filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
}
