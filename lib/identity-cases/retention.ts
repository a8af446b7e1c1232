import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { evidenceRetentionDays, purgeExpiredEvidence } from "@/lib/corrections/evidence";
import { db } from "@/lib/db";
import { audit } from "@/lib/security/audit";
import { retentionDays } from "@/lib/settings";
import { deleteUpload, uploadsRoot } from "@/lib/uploads/storage";

const DAY_MS = 86_400_000;
import { CLOSED_ACCOUNT_LOG_DAYS, MESSAGE_LOG_DAYS, SPENT_CODE_DAYS } from "@/lib/privacy/retention-periods";

export { CLOSED_ACCOUNT_LOG_DAYS, MESSAGE_LOG_DAYS, SPENT_CODE_DAYS };
/** A photo file no case points at (its upload was refused or crashed) is removed after a day. */
const ORPHAN_GRACE_MS = DAY_MS;

export type RetentionReport = {
  photoCases: number;
  photoFiles: number;
  orphanPhotoFiles: number;
  evidenceScheduled: number;
  evidenceFiles: number;
  assistsExpired: number;
  /** sign-in events of accounts closed more than six months ago */
  closedAccountSignIns: number;
  /** log rows of SMS and e-mails sent more than MESSAGE_LOG_DAYS ago */
  sentMessages: number;
  /** verification codes expired more than SPENT_CODE_DAYS ago */
  spentCodes: number;
  /** classmate-assist requests no longer open whose requester's phone number was blanked */
  assistPhonesBlanked: number;
};

/**
 * The retention job (SPEC §11, docs/retention.md). Idempotent; safe to run as often as wanted:
 *  1. hand-held ID photos of closed cases whose photosDeleteAfter has passed (closing sets it to the
 *     decision + N days, default 90) are deleted and the case keeps no key; closed cases without the date
 *     (closed before it existed) count from their decision;
 *  2. photo files under identity/ that no case references, older than a day, are deleted;
 *  3. evidence of closed correction requests: rows without a deletion date get closedAt + N days
 *     (default 180), then the corrections service deletes the expired ones (purgeExpiredEvidence);
 *  4. classmate-assist requests past their 7 days are marked expired (they already count as expired);
 *  5. the sign-in history and sessions of accounts closed more than six months ago are deleted
 *     (docs/privacy.md);
 *  6. the log of SMS and e-mails sent more than MESSAGE_LOG_DAYS ago is deleted;
 *  7. verification codes expired more than SPENT_CODE_DAYS ago are deleted;
 *  8. the requester's phone number is blanked on classmate-assist requests that are no longer open
 *     (answered, declined, expired): only the classmate deciding needed it.
 */
export async function runRetention(
  now: Date = new Date(),
  options: { dryRun?: boolean } = {},
): Promise<RetentionReport> {
  const report: RetentionReport = {
    photoCases: 0,
    photoFiles: 0,
    orphanPhotoFiles: 0,
    evidenceScheduled: 0,
    evidenceFiles: 0,
    assistsExpired: 0,
    closedAccountSignIns: 0,
    sentMessages: 0,
    spentCodes: 0,
    assistPhonesBlanked: 0,
  };
  const photoDays = (await retentionDays()).idPhotoDays;
  const due = await db.identityCase.findMany({
    where: {
      status: { not: "pending" },
      OR: [{ frontPhotoKey: { not: null } }, { backPhotoKey: { not: null } }],
      AND: [
        {
          OR: [
            { photosDeleteAfter: { lte: now } },
            { photosDeleteAfter: null, decidedAt: { lte: new Date(now.getTime() - photoDays * DAY_MS) } },
          ],
        },
      ],
    },
    select: { id: true, frontPhotoKey: true, backPhotoKey: true },
    take: 5000,
  });
  for (const row of due) {
    const keys = [row.frontPhotoKey, row.backPhotoKey].filter((k): k is string => !!k);
    report.photoCases++;
    report.photoFiles += keys.length;
    if (options.dryRun) continue;
    // Files first, then the keys: a crash in between leaves a key naming nothing (served as 404).
    for (const key of keys) await deleteUpload(key);
    await db.$transaction(async (tx) => {
      await tx.identityCase.update({
        where: { id: row.id },
        data: { frontPhotoKey: null, backPhotoKey: null },
      });
      await audit(tx, null, {
        action: "retention.identityPhotosDeleted",
        targetType: "identityCase",
        targetId: row.id,
        after: { files: keys.length },
      });
    });
  }

  report.orphanPhotoFiles = await removeOrphanPhotos(now, !!options.dryRun);

  const evidenceDays = await evidenceRetentionDays();
  const unscheduled = await db.evidenceFile.findMany({
    where: { deleteAfter: null, request: { closedAt: { not: null } } },
    select: { id: true, request: { select: { closedAt: true } } },
    take: 5000,
  });
  report.evidenceScheduled = unscheduled.length;
  if (!options.dryRun) {
    for (const file of unscheduled) {
      const closedAt = file.request?.closedAt ?? now;
      await db.evidenceFile.update({
        where: { id: file.id },
        data: { deleteAfter: new Date(closedAt.getTime() + evidenceDays * DAY_MS) },
      });
    }
    report.evidenceFiles = await purgeExpiredEvidence(now);
    const expired = await db.classmateAssist.updateMany({
      where: { status: "pending", expiresAt: { lte: now } },
      data: { status: "expired" },
    });
    report.assistsExpired = expired.count;
  }
  const closedBefore = new Date(now.getTime() - CLOSED_ACCOUNT_LOG_DAYS * DAY_MS);
  const closedLogs = { account: { identityStatus: "cancelled", cancelledAt: { lte: closedBefore } } };
  if (!options.dryRun) {
    report.closedAccountSignIns = (await db.loginEvent.deleteMany({ where: closedLogs })).count;
    await db.authSession.deleteMany({ where: closedLogs });
  } else {
    report.closedAccountSignIns = await db.loginEvent.count({ where: closedLogs });
    report.evidenceFiles = await db.evidenceFile.count({ where: { deleteAfter: { lte: now } } });
    report.assistsExpired = await db.classmateAssist.count({
      where: { status: "pending", expiresAt: { lte: now } },
    });
  }
  Object.assign(report, await removeSpentMessageData(now, !!options.dryRun));
  return report;
}

/** Steps 6–8: the message log, spent codes and the phone numbers of closed classmate-assist requests. */
async function removeSpentMessageData(
  now: Date,
  dryRun: boolean,
): Promise<Pick<RetentionReport, "sentMessages" | "spentCodes" | "assistPhonesBlanked">> {
  const messages = { createdAt: { lte: new Date(now.getTime() - MESSAGE_LOG_DAYS * DAY_MS) } };
  const codes = { expiresAt: { lte: new Date(now.getTime() - SPENT_CODE_DAYS * DAY_MS) } };
  // After step 4 (or by the closure of an account) a request past its 7 days is no longer pending.
  const assists = {
    requesterPhone: { not: "" },
    OR: [{ status: { not: "pending" } }, { expiresAt: { lte: now } }],
  };
  if (dryRun) {
    const [sentMessages, spentCodes, assistPhonesBlanked] = await Promise.all([
      db.outboundMessage.count({ where: messages }),
      db.verificationCode.count({ where: codes }),
      db.classmateAssist.count({ where: assists }),
    ]);
    return { sentMessages, spentCodes, assistPhonesBlanked };
  }
  const sentMessages = (await db.outboundMessage.deleteMany({ where: messages })).count;
  const spentCodes = (await db.verificationCode.deleteMany({ where: codes })).count;
  const assistPhonesBlanked = (
    await db.classmateAssist.updateMany({ where: assists, data: { requesterPhone: "" } })
  ).count;
  return { sentMessages, spentCodes, assistPhonesBlanked };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

async function removeOrphanPhotos(now: Date, dryRun: boolean): Promise<number> {
  const root = uploadsRoot();
  const files = await listFiles(path.join(root, "identity"));
  if (files.length === 0) return 0;
  const referenced = new Set<string>();
  const rows = await db.identityCase.findMany({
    where: { OR: [{ frontPhotoKey: { not: null } }, { backPhotoKey: { not: null } }] },
    select: { frontPhotoKey: true, backPhotoKey: true },
  });
  for (const r of rows) for (const k of [r.frontPhotoKey, r.backPhotoKey]) if (k) referenced.add(k);
  let removed = 0;
  for (const file of files) {
    const key = path.relative(root, file).split(path.sep).join("/");
    if (referenced.has(key) || key.endsWith(".tmp")) continue;
    const info = await stat(file).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < ORPHAN_GRACE_MS) continue;
    removed++;
    if (!dryRun) await deleteUpload(key).catch(() => undefined);
  }
  return removed;
}
