import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fail, fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import { parseIdNumber, type IdType, ID_TYPES } from "@/lib/identity/id-number";
import { parseName } from "@/lib/identity/name";
import { audit } from "@/lib/security/audit";
import { decrypt, encrypt } from "@/lib/security/crypto";
import { lockAccount } from "./locks";
import { checkPhotoPair, discardPhotos, storePhotoPair, type PhotoPair } from "./photos-intake";
import { ACCOUNT_CHANGES_PER_DAY } from "./rules";
import { actingStudentAccount } from "./student-account";
import { startOfSchoolDay } from "./working-days";

export type AccountChangeInput = {
  requestedName: string;
  requestedIdNumber: string;
  keepTraditional?: boolean;
  photos: PhotoPair;
};

const NAME_ERRORS = {
  empty: "identity.change.errors.nameFormat",
  format: "identity.change.errors.nameFormat",
  traditional: "identity.change.errors.nameTraditional",
} as const;

/**
 * 账号姓名 / 证件号码变更 (SPEC §3.4): a verified student whose account holds a wrong name or ID number asks
 * support to correct it, with the two hand-held ID photos. Only support applies it; the old values are
 * kept on the case. One open request at a time, a few a day.
 */
export async function submitAccountChange(
  actorIn: Actor | null,
  input: AccountChangeInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ caseId: string }>> {
  const now = meta.now ?? new Date();
  const { actor, account } = await actingStudentAccount(actorIn, "accountChange.request");
  if (account.identityStatus !== "verified") return fail("identity.change.errors.notVerified");
  const currentId = decrypt(account.idNumberEnc);

  const errors: FieldErrors = {};
  let requestedName: string | null = null;
  let requestedId: string | null = null;
  if (input.requestedName.trim()) {
    const parsed = parseName(input.requestedName, { keepTraditional: input.keepTraditional });
    if (!parsed.ok)
      errors.requestedName = {
        key: NAME_ERRORS[parsed.reason],
        params: parsed.suggestion ? { suggestion: parsed.suggestion } : undefined,
      };
    else if (parsed.value !== account.name) requestedName = parsed.value;
  }
  if (input.requestedIdNumber.trim()) {
    const idType: IdType = (ID_TYPES as readonly string[]).includes(account.idType)
      ? (account.idType as IdType)
      : "resident_id";
    const parsed = parseIdNumber(idType, input.requestedIdNumber, now);
    if (!parsed.ok) errors.requestedIdNumber = { key: "identity.change.errors.idFormat" };
    else if (parsed.value !== currentId) requestedId = parsed.value;
  }
  if (Object.keys(errors).length === 0 && !requestedName && !requestedId)
    errors.requestedName = { key: "identity.change.errors.nothingChanged" };
  const photoErrors = await checkPhotoPair(input.photos);
  if (photoErrors) Object.assign(errors, photoErrors);
  if (Object.keys(errors).length) return fieldFail(errors);

  const stored = await storePhotoPair(input.photos);
  if (!stored.ok) return fieldFail(stored.fieldErrors);
  try {
    const created = await db.$transaction(async (tx) => {
      await lockAccount(tx, account.id);
      const open = await tx.identityCase.count({
        where: { accountId: account.id, kind: "account_change", status: "pending" },
      });
      if (open > 0) throw new Refused("conflict", "identity.change.errors.alreadyOpen");
      const today = await tx.identityCase.count({
        where: { accountId: account.id, kind: "account_change", createdAt: { gte: startOfSchoolDay(now) } },
      });
      if (today >= ACCOUNT_CHANGES_PER_DAY)
        throw new Refused("rateLimited", "identity.change.errors.dailyLimit");
      const row = await tx.identityCase.create({
        data: {
          accountId: account.id,
          kind: "account_change",
          idNumberIndex: account.idNumberIndex,
          idMasked: account.idMasked,
          frontPhotoKey: stored.keys.front,
          backPhotoKey: stored.keys.back,
          requestedName,
          requestedIdEnc: requestedId ? encrypt(requestedId) : null,
          beforeName: account.name,
          beforeIdEnc: account.idNumberEnc,
          createdAt: now,
        },
      });
      await audit(tx, actor, {
        action: "identityCase.accountChange.submit",
        targetType: "identityCase",
        targetId: row.id,
        after: { nameChange: !!requestedName, idNumberChange: !!requestedId },
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

/** The change a case asks for, decrypted for support (and for applying it). */
export function requestedChange(row: { requestedName: string | null; requestedIdEnc: string | null }) {
  return { name: row.requestedName, idNumber: row.requestedIdEnc ? decrypt(row.requestedIdEnc) : null };
}
