import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { stripAllSpaces } from "@/lib/identity/normalize";
import { headerKey } from "./columns";
import { cellText } from "./dates";
import { newId } from "./ids";
import { formatOf, readRosterRows, RosterFileError } from "./read-file";
import { MAX_IMPORT_BYTES } from "./jobs";
import { removeImportFile, saveImportFile, importFilePath } from "./storage";

export type LockReport = {
  jobId: string;
  total: number;
  locked: number;
  alreadyLocked: number;
  unknown: number;
  unknownSample: string[];
};

/** Prisma's SQLite adapter binds at most 999 parameters per statement: `in` lists stay below. */
const BATCH = 900;

/**
 * 学历注册 lock from a file (SPEC §6): every 学号 in the file's 学号 column gets graduationRegistered = true,
 * in one transaction. 学号 not found are reported (ImportRowIssue rows of a "graduation_lock" job, so the
 * same per-row report download works).
 */
export async function lockGraduationFromFile(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
): Promise<Result<LockReport>> {
  assertCan(actor, "graduationLock.manage");
  const format = formatOf(file.name);
  if (!format) return fail("import.errors.fileType");
  if (file.bytes.byteLength === 0) return fail("import.errors.emptyFile");
  if (file.bytes.byteLength > MAX_IMPORT_BYTES)
    return fail("import.errors.fileTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const jobId = newId();
  const fileKey = `${jobId}.${format}`;
  await saveImportFile(fileKey, file.bytes);
  try {
    let column = -1;
    const toLock: string[] = [];
    const unknown: { rowNumber: number; studentNumber: string }[] = [];
    let alreadyLocked = 0;
    let total = 0;
    let batch: { rowNumber: number; studentNumber: string }[] = [];
    const seen = new Set<string>();
    const flush = async () => {
      const found = await db.enrollmentRecord.findMany({
        where: { studentNumber: { in: batch.map((b) => b.studentNumber) } },
        select: { studentNumber: true, graduationRegistered: true },
      });
      const byNumber = new Map(found.map((r) => [r.studentNumber, r.graduationRegistered]));
      for (const b of batch) {
        const state = byNumber.get(b.studentNumber);
        if (state === undefined) unknown.push(b);
        else if (state) alreadyLocked++;
        else toLock.push(b.studentNumber);
      }
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

    const fileName = file.name.replace(/[\\/]/g, "_").slice(0, 200);
    const createdById = actor.kind === "staff" ? actor.staffUserId : "api";
    // One batch transaction (no awaits between statements): all 学号 locked, or none.
    await db.$transaction([
      db.importJob.create({
        data: {
          id: jobId,
          kind: "graduation_lock",
          status: "committed",
          fileName,
          fileKey,
          totalRows: total,
          processedRows: total,
          changedRows: toLock.length,
          unchangedRows: alreadyLocked,
          errorRows: unknown.length,
          createdById,
          finishedAt: new Date(),
        },
      }),
      ...chunks(toLock, BATCH).map((numbers) =>
        db.enrollmentRecord.updateMany({
          where: { studentNumber: { in: numbers }, graduationRegistered: false },
          data: { graduationRegistered: true },
        }),
      ),
      auditNow(actor, {
        action: "graduationLock.file",
        targetType: "ImportJob",
        targetId: jobId,
        after: { fileName, total, locked: toLock.length, alreadyLocked, unknown: unknown.length },
      }),
      ...chunks(unknown, BATCH).map((rows) =>
        db.importRowIssue.createMany({
          data: rows.map((u) => ({
            jobId,
            rowNumber: u.rowNumber,
            studentNumber: u.studentNumber,
            severity: "error",
            field: "studentNumber",
            message: JSON.stringify({ key: "unknownStudentNumber" }),
          })),
        }),
      ),
    ]);
    return ok({
      jobId,
      total,
      locked: toLock.length,
      alreadyLocked,
      unknown: unknown.length,
      unknownSample: unknown.slice(0, 20).map((u) => u.studentNumber),
    });
  } catch (error) {
    if (error instanceof RosterFileError) return fail(`import.errors.${error.key}`, error.params);
    throw error;
  } finally {
    await removeImportFile(fileKey);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The audit entry as a statement of a batch transaction (same columns lib/security/audit.ts writes). */
function auditNow(
  actor: Actor,
  entry: { action: string; targetType: string; targetId: string; after: unknown },
) {
  const who =
    actor.kind === "staff"
      ? { actorType: "staff", actorId: actor.staffUserId, actorLabel: actor.username }
      : actor.kind === "api"
        ? { actorType: "api", actorId: actor.tokenId, actorLabel: actor.tokenName }
        : { actorType: "student", actorId: actor.accountId, actorLabel: null };
  return db.auditLog.create({
    data: {
      ...who,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      after: JSON.stringify(entry.after),
    },
  });
}
