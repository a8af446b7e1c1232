import "server-only";
import type { StaffActor } from "@/lib/auth/actor";
import { fail, fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/core/request-meta";
import { consumeCode, verifyCode } from "@/lib/accounts/codes";
import { ID_TYPES, parseIdNumber, type IdType } from "@/lib/identity/id-number";
import { parseName } from "@/lib/identity/name";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { audit } from "@/lib/security/audit";
import { decrypt, encrypt } from "@/lib/security/crypto";
import { consume } from "@/lib/security/rate-limit";
import { checkPhotoPair, discardPhotos, storePhotoPair, type PhotoPair } from "./photos-intake";
import { phoneTombstone } from "./resolve";
import { PHONE_RELEASE_TICKET_MINUTES, PHONE_RELEASES_PER_PHONE_DAY } from "./rules";
import { texts } from "./sms-texts";
import { startOfSchoolDay } from "./working-days";
import { sealIdNumber } from "@/lib/security/id-number-seal";

/**
 * 手机号释放 (issue 12 item 3): a recycled phone number is still bound to someone else's account. Whoever
 * holds the number now proves it with an SMS code, then asks support to free it with their name, ID
 * number and the two hand-held ID photos — what the national site's desk does by hand. Approval rewrites
 * the old account's phone to a tombstone (it keeps its ID number / e-mail sign-in and is told in its
 * inbox and by e-mail); the claimant hears the outcome by SMS to the number. Nothing here reveals that a
 * number is registered before its SMS code was verified.
 */

/** Proof that the browser verified the number's SMS code: sealed (AES-GCM) and short-lived. */
export type ReleaseTicket = { phone: string; expiresAt: number; name?: string; idNumber?: string };

export function sealTicket(ticket: ReleaseTicket): string {
  return encrypt(JSON.stringify(ticket));
}

export function openTicket(sealed: string | undefined | null, now = Date.now()): ReleaseTicket | null {
  if (!sealed) return null;
  try {
    const ticket = JSON.parse(decrypt(sealed)) as ReleaseTicket;
    return typeof ticket.phone === "string" && ticket.expiresAt > now ? ticket : null;
  } catch {
    return null;
  }
}

export function newTicket(phone: string, extra: Partial<ReleaseTicket> = {}, now = Date.now()): string {
  return sealTicket({ ...extra, phone, expiresAt: now + PHONE_RELEASE_TICKET_MINUTES * 60_000 });
}

async function holderOf(phone: string) {
  return db.account.findUnique({ where: { phone }, select: { id: true, identityStatus: true } });
}

/**
 * Step 1 on /register/phone-release: the number and its SMS code (purpose release_phone). A number that is
 * not registered is said so only now, after the code proved the person holds it.
 */
export async function verifyReleasePhone(input: {
  phone: string;
  code: string;
}): Promise<Result<{ ticket: string }>> {
  const phone = parsePhone(input.phone);
  if (!phone.ok) return fieldFail({ phone: { key: "register.phone.invalid" } });
  const code = await verifyCode({ purpose: "release_phone", target: phone.value, code: input.code });
  if (!code.ok) return code;
  await db.$transaction((tx) => consumeCode(tx, code.value.codeId));
  if (!(await holderOf(phone.value))) return fail("phoneRelease.errors.notRegistered");
  return ok({ ticket: newTicket(phone.value) });
}

export type ReleaseRequest = { name: string; idType: string; idNumber: string; photos: PhotoPair };

/**
 * Step 2: the claimant's details and photos become a phone_release case in the support queue. One open
 * case per number, 3 a day per number, 10 a day per address; nothing is stored on any refusal.
 */
export async function submitPhoneRelease(
  sealed: string | undefined | null,
  input: ReleaseRequest,
  meta: Pick<RequestMeta, "ip"> & { now?: Date },
): Promise<Result<{ caseId: string }>> {
  const now = meta.now ?? new Date();
  const ticket = openTicket(sealed, now.getTime());
  if (!ticket) return fail("phoneRelease.errors.ticket");
  const errors: FieldErrors = {};
  const name = parseName(input.name);
  if (!name.ok)
    errors.name = { key: name.reason === "empty" ? "register.name.empty" : "register.name.format" };
  const idType: IdType = (ID_TYPES as readonly string[]).includes(input.idType)
    ? (input.idType as IdType)
    : "resident_id";
  const id = parseIdNumber(idType, input.idNumber, now);
  if (!id.ok)
    errors.idNumber = {
      key: input.idNumber.trim() ? "register.idNumber.invalid" : "register.idNumber.empty",
    };
  Object.assign(errors, (await checkPhotoPair(input.photos)) ?? {});
  if (Object.keys(errors).length) return fieldFail(errors, { key: "phoneRelease.errors.fixFields" });
  if (!name.ok || !id.ok) return fail("phoneRelease.errors.fixFields");

  const holder = await holderOf(ticket.phone);
  if (!holder) return fail("phoneRelease.errors.alreadyFree");
  const [open, today] = await Promise.all([
    db.identityCase.count({
      where: { kind: "phone_release", releasePhone: ticket.phone, status: "pending" },
    }),
    db.identityCase.count({
      where: { kind: "phone_release", releasePhone: ticket.phone, createdAt: { gte: startOfSchoolDay(now) } },
    }),
  ]);
  if (open > 0) return fail("phoneRelease.errors.alreadyOpen");
  if (today >= PHONE_RELEASES_PER_PHONE_DAY) return fail("phoneRelease.errors.dailyLimit");
  const perIp = await consume("phoneReleasesPerIpDay", `ip:${meta.ip ?? "unknown"}`);
  if (!perIp.ok) return fail("phoneRelease.errors.dailyLimit");

  const stored = await storePhotoPair(input.photos);
  if (!stored.ok) return fieldFail(stored.fieldErrors);
  const sealedId = sealIdNumber(id.value);
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.identityCase.create({
        data: {
          accountId: holder.id,
          kind: "phone_release",
          status: "pending",
          idNumberIndex: sealedId.idNumberIndex,
          idMasked: sealedId.idMasked,
          requestedName: name.value,
          requestedIdEnc: sealedId.idNumberEnc,
          releasePhone: ticket.phone,
          frontPhotoKey: stored.keys.front,
          backPhotoKey: stored.keys.back,
          createdAt: now,
        },
        select: { id: true },
      });
      await audit(tx, null, {
        action: "phoneRelease.submit",
        targetType: "identityCase",
        targetId: row.id,
        after: {
          phone: maskPhone(ticket.phone),
          idMasked: sealedId.idMasked,
          holderAccountId: holder.id,
        },
        ip: meta.ip,
      });
      return row;
    });
    await sendMessage({ channel: "sms", to: ticket.phone, body: texts.phoneReleaseReceived() });
    return ok({ caseId: created.id });
  } catch (error) {
    await discardPhotos([stored.keys.front, stored.keys.back]);
    throw error;
  }
}

/**
 * Support's approval: the number leaves the old account (a tombstone, like a cancelled account's; the
 * account stays verified and keeps its ID number and e-mail sign-in, its sessions and everything else),
 * which is told in its inbox and by e-mail; the claimant is told by SMS to the number.
 */
export async function approvePhoneRelease(
  actor: StaffActor,
  caseId: string,
  photosDeleteAfter: Date,
  now: Date,
  ip: string | null | undefined,
): Promise<Result<{ status: "approved" }>> {
  let released: { phone: string; email: string | null } | null = null;
  let phone = "";
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.identityCase.updateMany({
        where: { id: caseId, kind: "phone_release", status: "pending" },
        data: { status: "approved", decidedById: actor.staffUserId, decidedAt: now, photosDeleteAfter },
      });
      if (count !== 1) throw new Refused("conflict", "support.errors.alreadyDecided");
      const row = await tx.identityCase.findUniqueOrThrow({ where: { id: caseId } });
      phone = row.releasePhone ?? "";
      const holder = phone ? await tx.account.findUnique({ where: { phone } }) : null;
      if (holder) {
        await tx.account.update({ where: { id: holder.id }, data: { phone: phoneTombstone(holder.id) } });
        await notify(
          { accountId: holder.id },
          "identity.phoneReleased",
          { phone: maskPhone(phone) },
          "/account",
          tx,
        );
        released = { phone, email: holder.emailVerifiedAt ? holder.email : null };
      }
      await audit(tx, actor, {
        action: "phoneRelease.approve",
        targetType: "identityCase",
        targetId: caseId,
        before: { status: "pending", holderAccountId: holder?.id ?? null, phone: maskPhone(phone) },
        after: { status: "approved", phoneEnc: encrypt(phone), released: !!holder },
        ip,
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  const owner = released as { phone: string; email: string | null } | null;
  if (owner?.email)
    await sendMessage({
      channel: "email",
      to: owner.email,
      subject: "学籍自查：账号手机号已解除绑定",
      body: texts.phoneReleasedOwner(maskPhone(owner.phone)),
    });
  if (phone) await sendMessage({ channel: "sms", to: phone, body: texts.phoneReleased() });
  return ok({ status: "approved" });
}

/** The claimant's details for the support case page (full ID number: support compares it with the photos). */
export function claimantOf(row: {
  requestedName: string | null;
  requestedIdEnc: string | null;
  releasePhone: string | null;
}) {
  return {
    name: row.requestedName ?? "",
    idNumber: row.requestedIdEnc ? decrypt(row.requestedIdEnc) : "",
    phone: row.releasePhone ? maskPhone(row.releasePhone) : "",
  };
}
