import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, inRecordScope } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { mimeForKey, readUpload } from "@/lib/uploads/storage";

/**
 * The 录取照片 of a record, for its owner and for staff authorised for the record's college (the
 * registrar: every college; college staff: their own). Anyone else, an unknown record or a record without
 * a photo → null, which the route answers with 404 (never "forbidden": that would confirm the record).
 */
export async function admissionPhotoFor(
  actor: Actor | null,
  recordId: string,
): Promise<{ bytes: Buffer; mime: string } | null> {
  if (!actor || actor.kind === "api") return null;
  const record = await db.enrollmentRecord.findUnique({
    where: { id: recordId },
    select: { accountId: true, collegeId: true, classGroupId: true, cohort: true, admissionPhotoKey: true },
  });
  if (!record?.admissionPhotoKey) return null;
  const allowed =
    actor.kind === "student"
      ? actor.identityStatus === "verified" && record.accountId === actor.accountId
      : (can(actor, "progress.viewCollege") || can(actor, "correction.collegeReview")) &&
        inRecordScope(actor, record);
  if (!allowed) return null;
  const bytes = await readUpload(record.admissionPhotoKey);
  return bytes ? { bytes, mime: mimeForKey(record.admissionPhotoKey) } : null;
}
