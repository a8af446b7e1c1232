import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fieldFail, fail, ok, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { audit } from "@/lib/security/audit";
import { lockAccount } from "./locks";
import { checkPhotoPair, discardPhotos, storePhotoPair, type PhotoPair } from "./photos-intake";
import { PHOTO_UPLOADS_PER_DAY, PHOTO_UPLOADS_TOTAL } from "./rules";
import { actingStudentAccount } from "./student-account";
import { startOfSchoolDay } from "./working-days";

/** Photo-review uploads of an account: today (school calendar day) and in all. */
export async function photoUploadCounts(
  tx: Pick<Tx, "identityCase">,
  accountId: string,
  now: Date,
): Promise<{ today: number; total: number }> {
  const [today, total] = await Promise.all([
    tx.identityCase.count({
      where: { accountId, kind: "photo_review", createdAt: { gte: startOfSchoolDay(now) } },
    }),
    tx.identityCase.count({ where: { accountId, kind: "photo_review" } }),
  ]);
  return { today, total };
}

function limitKey(counts: { today: number; total: number }): string | null {
  if (counts.total >= PHOTO_UPLOADS_TOTAL) return "identity.photos.errors.totalLimit";
  if (counts.today >= PHOTO_UPLOADS_PER_DAY) return "identity.photos.errors.dailyLimit";
  return null;
}

/**
 * 手持身份证照片审核 (SPEC §3.1): a pending account uploads the front and back hand-held photos; each upload
 * creates a photo_review case for support. At most 3 uploads a day and 5 in all — counted from the cases
 * inside the transaction, with the account row locked, so two uploads at once cannot both slip under the
 * limit. Any refusal leaves nothing behind (stored files are removed again).
 */
export async function submitPhotoReview(
  actorIn: Actor | null,
  photos: PhotoPair,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ caseId: string }>> {
  const now = meta.now ?? new Date();
  const { actor, account } = await actingStudentAccount(actorIn, "identityCase.submit");
  if (account.identityStatus !== "pending") return fail("identity.errors.notPending");

  const invalid = await checkPhotoPair(photos);
  if (invalid) return fieldFail(invalid);
  const early = limitKey(await photoUploadCounts(db, account.id, now));
  if (early) return fieldFail({ front: { key: early } });

  const stored = await storePhotoPair(photos);
  if (!stored.ok) return fieldFail(stored.fieldErrors);

  try {
    const created = await db.$transaction(async (tx) => {
      await lockAccount(tx, account.id);
      const current = await tx.account.findUnique({
        where: { id: account.id },
        select: { identityStatus: true },
      });
      if (current?.identityStatus !== "pending") throw new Refused("conflict", "identity.errors.notPending");
      const key = limitKey(await photoUploadCounts(tx, account.id, now));
      if (key) throw new Refused("rateLimited", key, undefined, "front");
      const row = await tx.identityCase.create({
        data: {
          accountId: account.id,
          kind: "photo_review",
          idNumberIndex: account.idNumberIndex,
          idMasked: account.idMasked,
          frontPhotoKey: stored.keys.front,
          backPhotoKey: stored.keys.back,
          createdAt: now,
        },
      });
      await audit(tx, actor, {
        action: "identityCase.photoReview.submit",
        targetType: "identityCase",
        targetId: row.id,
        after: { kind: "photo_review", idMasked: account.idMasked },
        ip: meta.ip,
      });
      return row;
    });
    return ok({ caseId: created.id });
  } catch (error) {
    await discardPhotos([stored.keys.front, stored.keys.back]);
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
