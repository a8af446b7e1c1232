import "server-only";
import { jobStatusSchema } from "./job-record";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { stripAllSpaces } from "@/lib/identity/normalize";
import { audit } from "@/lib/security/audit";
import { headerKey } from "./columns";
import { cellText } from "./dates";
import { newId } from "./ids";
import { formatOf, readRosterRows, RosterFileError } from "./read-file";
import { MAX_IMPORT_BYTES } from "./jobs";
import { removeImportFile, saveImportFile, importFilePath } from "./storage";

export type LockPreview = {
  jobId: string;
  total: number;
  toLock: number;
  alreadyLocked: number;
  unknown: number;
};

/** Prisma's SQLite adapter binds at most 999 parameters per statement: `in` lists stay below. */
const BATCH = 900;
/** Locking or unlocking 100,000 records in one transaction takes longer than Prisma's 5 s default. */
const LONG_TX = { timeout: 300_000, maxWait: 30_000 };

const actorId = (actor: Actor) =>
  actor.kind === "staff" ? actor.staffUserId : actor.kind === "api" ? actor.tokenId : actor.accountId;

/**
 * 学历注册 lock, step 1 (SPEC §6): reads the file's 学号 column and records who would be locked
 * (ImportChange rows "lock"), who already is, and which 学号 are unknown (ImportRowIssue rows, so the
 * per-row report works) — nothing is locked yet. The registrar sees the list and confirms
 * (confirmGraduationLock) or discards it. Rows are written per batch, so a long file never sits in memory.
 */
export async function previewGraduationLock(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
): Promise<Result<LockPreview>> {
  assertCan(actor, "graduationLock.manage");
  const format = formatOf(file.name);
  if (!format) return fail("import.errors.fileType");
  if (file.bytes.byteLength === 0) return fail("import.errors.emptyFile");
  if (file.bytes.byteLength > MAX_IMPORT_BYTES)
    return fail("import.errors.fileTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const jobId = newId();
  const fileKey = `${jobId}.${format}`;
  const fileName = file.name.replace(/[\\/]/g, "_").slice(0, 200);
  await saveImportFile(fileKey, file.bytes);
  await db.importJob.create({
    data: {
      id: jobId,
      kind: "graduation_lock",
      status: "previewing",
      fileName,
      fileKey,
      createdById: actorId(actor),
      heartbeatAt: new Date(),
    },
  });
  let done = false;
  try {
    let column = -1;
    let total = 0;
    let toLock = 0;
    let alreadyLocked = 0;
    let unknown = 0;
    let batch: { rowNumber: number; studentNumber: string }[] = [];
    const seen = new Set<string>();
    const flush = async () => {
      const found = await db.enrollmentRecord.findMany({
        where: { studentNumber: { in: batch.map((b) => b.studentNumber) } },
        select: { id: true, studentNumber: true, name: true, graduationRegistered: true },
      });
      const byNumber = new Map(found.map((r) => [r.studentNumber, r]));
      const changes = [];
      const issues = [];
      for (const b of batch) {
        const record = byNumber.get(b.studentNumber);
        if (!record) {
          unknown++;
          issues.push({
            jobId,
            rowNumber: b.rowNumber,
            studentNumber: b.studentNumber,
            severity: "error",
            field: "studentNumber",
            message: JSON.stringify({ key: "unknownStudentNumber" }),
          });
        } else if (record.graduationRegistered) alreadyLocked++;
        else {
          toLock++;
          changes.push({
            jobId,
            rowNumber: b.rowNumber,
            studentNumber: b.studentNumber,
            recordId: record.id,
            name: record.name,
            kind: "lock",
          });
        }
      }
      if (changes.length) await db.importChange.createMany({ data: changes });
      if (issues.length) await db.importRowIssue.createMany({ data: issues });
      batch = [];
    };
    for await (const { rowNumber, cells } of readRosterRows(importFilePath(fileKey), format)) {
      if (column < 0) {
        column = cells.findIndex((c) => headerKey(cellText(c)) === "学号");
        if (column < 0) return fail("import.errors.missingColumns", { columns: "学号" });
        continue;
      }
      const studentNumber = stripAllSpaces(cellText(cells[column]));
      if (!studentNumber || seen.has(studentNumber)) continue;
      seen.add(studentNumber);
      total++;
      batch.push({ rowNumber, studentNumber });
      if (batch.length >= BATCH) await flush();
    }
    if (column < 0) return fail("import.errors.emptyFile");
    if (batch.length) await flush();

    await db.$transaction(async (tx) => {
      await tx.importJob.update({
        where: { id: jobId },
        data: {
          status: "previewed",
          totalRows: total,
          processedRows: total,
          changedRows: toLock,
          unchangedRows: alreadyLocked,
          errorRows: unknown,
          finishedAt: new Date(),
        },
      });
      await audit(tx, actor, {
        action: "graduationLock.preview",
        targetType: "ImportJob",
        targetId: jobId,
        after: { fileName, total, toLock, alreadyLocked, unknown },
      });
    });
    done = true;
    return ok({ jobId, total, toLock, alreadyLocked, unknown });
  } catch (error) {
    if (error instanceof RosterFileError) return fail(`import.errors.${error.key}`, error.params);
    throw error;
  } finally {
    await removeImportFile(fileKey);
    // a file that could not be read leaves no job behind (its rows go with it)
    if (!done) await db.importJob.delete({ where: { id: jobId } }).catch(() => undefined);
  }
}

/** A job's ImportChange rows of one kind, a page at a time in id order (never all in memory). */
async function* changePages(tx: Tx, jobId: string, kind: string) {
  let after = "";
  for (;;) {
    const rows = await tx.importChange.findMany({
      where: { jobId, kind, id: { gt: after } },
      select: { id: true, recordId: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Step 2: locks the previewed students who are still unlocked, in one transaction with its audit entry.
 * Each locked student's row becomes "locked": exactly what an undo unlocks (a student locked meanwhile
 * by another file stays that file's).
 */
export async function confirmGraduationLock(
  actor: Actor,
  jobId: string,
): Promise<Result<{ locked: number }>> {
  assertCan(actor, "graduationLock.manage");
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, kind: "graduation_lock", status: "previewed" },
    // stamped so the sweep of jobs left by a dead process (failStaleJobs) leaves this short one alone
    data: { status: "committing", heartbeatAt: new Date() },
  });
  if (claimed.count !== 1) return fail("import.errors.notCommittable");
  try {
    const locked = await db.$transaction(async (tx) => {
      let count = 0;
      for await (const rows of changePages(tx, jobId, "lock")) {
        const recordIds = rows.map((r) => r.recordId as string);
        const open = await tx.enrollmentRecord.findMany({
          where: { id: { in: recordIds }, graduationRegistered: false },
          select: { id: true },
        });
        const ids = open.map((r) => r.id);
        if (ids.length === 0) continue;
        await tx.enrollmentRecord.updateMany({
          where: { id: { in: ids } },
          data: { graduationRegistered: true },
        });
        await tx.importChange.updateMany({
          where: { jobId, kind: "lock", recordId: { in: ids } },
          data: { kind: "locked" },
        });
        count += ids.length;
      }
      const job = await tx.importJob.update({
        where: { id: jobId },
        data: { status: "committed", changedRows: count, finishedAt: new Date() },
      });
      await audit(tx, actor, {
        action: "graduationLock.confirm",
        targetType: "ImportJob",
        targetId: jobId,
        after: { fileName: job.fileName, locked: count, previewed: job.totalRows },
      });
      return count;
    }, LONG_TX);
    return ok({ locked });
  } catch (error) {
    await db.importJob.updateMany({
      where: { id: jobId, status: "committing" },
      data: { status: "previewed" },
    });
    throw error;
  }
}

/**
 * Takes a confirmed lock back (the registrar, e.g. after the wrong file): unlocks the students this job
 * locked that are still locked, audited. Corrections already routed to the province stay where they are.
 */
export async function undoGraduationLock(actor: Actor, jobId: string): Promise<Result<{ unlocked: number }>> {
  assertCan(actor, "graduationLock.manage");
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, kind: "graduation_lock", status: "committed" },
    data: { status: "committing", heartbeatAt: new Date() },
  });
  if (claimed.count !== 1) return fail("import.graduation.errors.notUndoable");
  try {
    const unlocked = await db.$transaction(async (tx) => {
      let count = 0;
      for await (const rows of changePages(tx, jobId, "locked")) {
        const { count: n } = await tx.enrollmentRecord.updateMany({
          where: { id: { in: rows.map((r) => r.recordId as string) }, graduationRegistered: true },
          data: { graduationRegistered: false },
        });
        count += n;
      }
      const job = await tx.importJob.update({
        where: { id: jobId },
        data: { status: "undone", finishedAt: new Date() },
      });
      await audit(tx, actor, {
        action: "graduationLock.undo",
        targetType: "ImportJob",
        targetId: jobId,
        before: { locked: job.changedRows },
        after: { fileName: job.fileName, unlocked: count },
      });
      return count;
    }, LONG_TX);
    return ok({ unlocked });
  } catch (error) {
    await db.importJob.updateMany({
      where: { id: jobId, status: "committing" },
      data: { status: "committed" },
    });
    throw error;
  }
}

/** The latest graduation-lock files, newest first (the lock page lists them with their state). */
export async function listGraduationLocks(actor: Actor, take = 10) {
  assertCan(actor, "graduationLock.manage");
  const jobs = await db.importJob.findMany({
    where: { kind: "graduation_lock" },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      fileName: true,
      status: true,
      createdAt: true,
      totalRows: true,
      changedRows: true,
      createdById: true,
    },
  });
  return jobs.map((job) => ({ ...job, status: jobStatusSchema.parse(job.status) }));
}

export async function getGraduationLock(actor: Actor, jobId: string) {
  assertCan(actor, "graduationLock.manage");
  const job = await db.importJob.findFirst({ where: { id: jobId, kind: "graduation_lock" } });
  return job && { ...job, status: jobStatusSchema.parse(job.status) };
}
