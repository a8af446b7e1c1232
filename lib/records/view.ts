import "server-only";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { decrypt, encrypt } from "@/lib/security/crypto";
import type { RecordField, RecordValues } from "./fields";

/** The organisation names a record's page shows alongside its own columns. */
export const recordWithOrg = {
  college: { select: { id: true, name: true } },
  major: { select: { id: true, name: true } },
  classGroup: { select: { id: true, name: true } },
} as const satisfies Prisma.EnrollmentRecordInclude;

export type RecordWithOrg = Prisma.EnrollmentRecordGetPayload<{ include: typeof recordWithOrg }>;

/** Every §4.2 field as shown, the ID number decrypted (callers decide who may see it in full). */
export function recordValues(record: RecordWithOrg): RecordValues {
  return {
    name: record.name,
    gender: record.gender,
    birthDate: record.birthDate,
    ethnicity: record.ethnicity,
    idNumber: decrypt(record.idNumberEnc),
    schoolName: record.schoolName,
    level: record.level,
    major: record.major.name,
    duration: record.duration,
    educationCategory: record.educationCategory,
    studyMode: record.studyMode,
    college: record.college.name,
    department: record.department,
    classGroup: record.classGroup.name,
    studentNumber: record.studentNumber,
    enrolledOn: record.enrolledOn,
    expectedGraduationOn: record.expectedGraduationOn,
    status: record.status,
  };
}

/**
 * Values kept in correction items and record history: ID numbers are sensitive personal information and
 * stay encrypted at rest there too ("enc:" + AES-GCM); every other field is stored as shown.
 */
const SEALED = "enc:";
export function sealValue(field: RecordField | string, value: string): string {
  return field === "idNumber" ? SEALED + encrypt(value) : value;
}

export function openValue(stored: string): string {
  return stored.startsWith(SEALED) ? decrypt(stored.slice(SEALED.length)) : stored;
}
