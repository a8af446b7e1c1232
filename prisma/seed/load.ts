/**
 * Writes a generated university into the database: organisation, staff, demo accounts, campaigns and
 * settings through Prisma (a few thousand rows at most), then the records through the raw driver in one
 * transaction (100,000+ rows). If the record load fails, everything written is removed again, so the
 * start command never sees a half-seeded database as "already seeded".
 */
import type { Db } from "../../lib/db/client";
import { providerOf } from "../../lib/db/provider";
import { hashPassword } from "../../lib/security/passwords";
import { buildCampaigns, buildSettings } from "./campaigns";
import { buildDemoAccounts } from "./demo-accounts";
import { DEMO_STUDENT_PASSWORD } from "./demo-students";
import { createPlan, generateRecords, type StudentRecord } from "./generate";
import { newId } from "./ids";
import { buildOrganisation, classGroupKey, type Organisation } from "./organisation";
import { openPostgresRecordSink } from "./record-sink-postgres";
import { openSqliteRecordSink } from "./record-sink-sqlite";
import type { RecordRow, RecordSink } from "./record-rows";
import { resetDatabase } from "./reset";
import { buildStaff } from "./staff";
import { sealIdNumber } from "@/lib/security/id-number-seal";

export type LoadOptions = {
  url: string;
  seed: number;
  students: number;
  schoolName: string;
  staffPassword: string;
  now?: Date;
  /** records per write; one PostgreSQL round trip each */
  chunkSize?: number;
  onProgress?: (written: number, total: number) => void;
};

export type LoadSummary = {
  colleges: number;
  majors: number;
  classGroups: number;
  records: number;
  staffUsernames: string[];
  demoAccounts: number;
  campaigns: number;
  byLevel: Record<string, number>;
  byCohort: Record<string, number>;
  graduationRegistered: number;
  /** wall time of the phases, for benchmark print-outs */
  timings: { hashingMs: number; organisationMs: number; recordsMs: number; recordsDbMs: number };
};

function toRow(record: StudentRecord, org: Organisation, accountId: string | null, now: Date): RecordRow {
  return {
    id: newId(),
    studentNumber: record.studentNumber,
    name: record.name,
    gender: record.gender,
    birthDate: record.birthDate,
    ethnicity: record.ethnicity,
    idType: record.idType,
    ...sealIdNumber(record.idNumber),
    schoolName: record.schoolName,
    level: record.level,
    majorId: org.majorId.get(record.majorKey) as string,
    duration: record.duration,
    educationCategory: record.educationCategory,
    studyMode: record.studyMode,
    collegeId: org.collegeId.get(record.collegeCode) as string,
    department: record.department,
    classGroupId: org.classGroupId.get(classGroupKey(record.collegeCode, record.className)) as string,
    enrolledOn: record.enrolledOn,
    expectedGraduationOn: record.expectedGraduationOn,
    status: record.status,
    cohort: record.cohort,
    examNumberIndex: null,
    admissionPhotoKey: record.admissionPhotoKey,
    graduationRegistered: record.graduationRegistered,
    version: 1,
    accountId,
    createdAt: now,
    updatedAt: now,
  };
}

function openSink(url: string): Promise<RecordSink> {
  return providerOf(url) === "postgresql"
    ? openPostgresRecordSink(url)
    : Promise.resolve(openSqliteRecordSink(url));
}

const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

export async function loadDemoUniversity(db: Db, options: LoadOptions): Promise<LoadSummary> {
  const now = options.now ?? new Date();
  const chunkSize = options.chunkSize ?? 5000;
  const plan = createPlan(options);
  const t0 = performance.now();
  // argon2 is slow on purpose: hash each demo password once and share the hash.
  const [staffHash, studentHash] = await Promise.all([
    hashPassword(options.staffPassword),
    hashPassword(DEMO_STUDENT_PASSWORD),
  ]);
  const org = buildOrganisation(plan, now);
  const staff = buildStaff(org, staffHash, now);
  const accounts = buildDemoAccounts(studentHash, now);
  const campaigns = buildCampaigns(now);
  const accountIdByPhone = new Map(accounts.map((a) => [a.phone, a.id]));
  const t1 = performance.now();

  await db.$transaction(
    async (tx) => {
      await tx.college.createMany({ data: org.colleges });
      await tx.major.createMany({ data: org.majors });
      await tx.classGroup.createMany({ data: org.classGroups });
      await tx.staffUser.createMany({ data: staff.users });
      await tx.staffCollegeScope.createMany({ data: staff.scopes });
      await tx.account.createMany({ data: accounts });
      await tx.campaign.createMany({ data: campaigns });
      await tx.setting.createMany({ data: buildSettings(options.schoolName, org.colleges) });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  const t2 = performance.now();

  const summary: LoadSummary = {
    colleges: org.colleges.length,
    majors: org.majors.length,
    classGroups: org.classGroups.length,
    records: 0,
    staffUsernames: staff.users.map((u) => u.username),
    demoAccounts: accounts.length,
    campaigns: campaigns.length,
    byLevel: {},
    byCohort: {},
    graduationRegistered: 0,
    timings: { hashingMs: t1 - t0, organisationMs: t2 - t1, recordsMs: 0, recordsDbMs: 0 },
  };
  const sink = await openSink(options.url);
  // One chunk is in flight while the next is generated and encrypted: on PostgreSQL the server inserts on
  // the other core meanwhile. recordsDbMs counts the time spent in or waiting for the driver.
  let inFlight: Promise<void> = Promise.resolve();
  const waitForDatabase = async () => {
    const start = performance.now();
    await inFlight;
    summary.timings.recordsDbMs += performance.now() - start;
  };
  const send = (rows: RecordRow[]) => {
    // SQLite inserts synchronously inside write(); PostgreSQL only serialises the chunk there.
    const start = performance.now();
    inFlight = sink.write(rows);
    summary.timings.recordsDbMs += performance.now() - start;
    inFlight.catch(() => undefined); // awaited by the next waitForDatabase; avoids an "unhandled" warning
    summary.records += rows.length;
  };
  try {
    let chunk: RecordRow[] = [];
    for (const record of generateRecords(plan)) {
      const accountId = record.demoPhone ? (accountIdByPhone.get(record.demoPhone) ?? null) : null;
      chunk.push(toRow(record, org, accountId, now));
      count(summary.byLevel, record.level);
      count(summary.byCohort, record.cohort);
      if (record.graduationRegistered) summary.graduationRegistered++;
      if (chunk.length === chunkSize) {
        await waitForDatabase();
        send(chunk);
        options.onProgress?.(summary.records, plan.students);
        chunk = [];
      }
    }
    await waitForDatabase();
    send(chunk);
    await waitForDatabase();
    inFlight = sink.commit();
    await waitForDatabase();
  } catch (error) {
    await sink.close();
    await resetDatabase(db, options.url).catch((cleanup: unknown) =>
      console.error("could not remove the partial seed:", cleanup),
    );
    throw error;
  }
  await sink.close();
  summary.timings.recordsMs = performance.now() - t2;
  return summary;
}
