import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { mimeForKey, readUpload } from "@/lib/uploads/storage";
import { OWN_CASE_KINDS, PHOTO_SIDES, type PhotoSide } from "./rules";

/**
 * A hand-held ID photo, for its owner or a support clerk (identityPhoto.view) only. Everyone else — other
 * students, college or registrar staff, API clients, signed-out visitors — gets "not found", as for a case
 * that does not exist or whose photos the retention job has deleted. The route handler is a thin wrapper.
 */
export async function readIdentityPhoto(
  actor: Actor | null,
  caseId: string,
  side: string,
): Promise<Result<{ bytes: Buffer; contentType: string }>> {
  if (!actor || !(PHOTO_SIDES as readonly string[]).includes(side)) return fail("identity.errors.notFound");
  const isSupport = actor.kind === "staff" && can(actor, "identityPhoto.view");
  const isStudent = actor.kind === "student";
  if (!isSupport && !isStudent) return fail("identity.errors.notFound");
  const row = await db.identityCase.findFirst({
    where: {
      id: caseId,
      // A student sees the photos of their own cases only — never those of a phone release someone
      // filed against their account.
      ...(isSupport
        ? {}
        : { accountId: actor.kind === "student" ? actor.accountId : "", kind: { in: [...OWN_CASE_KINDS] } }),
    },
    select: { frontPhotoKey: true, backPhotoKey: true },
  });
  const key = row ? ((side as PhotoSide) === "front" ? row.frontPhotoKey : row.backPhotoKey) : null;
  if (!key) return fail("identity.errors.notFound");
  const bytes = await readUpload(key);
  if (!bytes) return fail("identity.errors.notFound");
  return ok({ bytes, contentType: mimeForKey(key) });
}
