import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { DEMO_STUDENTS } from "./demo-students";
import { newId } from "./ids";
import { sealIdNumber } from "@/lib/security/id-number-seal";

export type DemoAccountRow = Prisma.AccountCreateManyInput & { id: string };

/**
 * Verified 学信网 accounts for DEMO_STUDENTS, as if they had registered with their real name and ID
 * number: verifiedIdIndex holds the blind index (the one-verified-account-per-ID rule), consent given.
 */
export function buildDemoAccounts(passwordHash: string, now: Date): DemoAccountRow[] {
  return DEMO_STUDENTS.map((student) => {
    const sealed = sealIdNumber(student.idNumber);
    return {
      id: newId(),
      phone: student.phone,
      email: student.email ?? null,
      emailVerifiedAt: student.email ? now : null,
      passwordHash,
      name: student.name,
      idType: "resident_id",
      ...sealed,
      identityStatus: "verified",
      verifiedIdIndex: sealed.idNumberIndex,
      sensitiveConsentAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
}
