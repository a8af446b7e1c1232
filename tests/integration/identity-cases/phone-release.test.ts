import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendSmsCode } from "@/lib/accounts/codes";
import { signInStudent } from "@/lib/accounts/sign-in";
import { readIdentityPhoto } from "@/lib/identity-cases/photo-access";
import { identityOverview } from "@/lib/identity-cases/overview";
import {
  newTicket,
  openTicket,
  submitPhoneRelease,
  verifyReleasePhone,
} from "@/lib/identity-cases/phone-release";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { caseForReview, listSupportQueue } from "@/lib/identity-cases/support-queue";
import { hashPassword } from "@/lib/security/passwords";
import {
  jpegWithExif,
  makeAccount,
  makeStaff,
  oversizedJpeg,
  png,
  randomIdNumber,
  randomPhone,
  studentActor,
} from "./fixtures";

// An address of its own for each call: other files' failed sign-ins from a shared address would make this
// file's sign-ins ask for a captcha (3 failures per address).
const meta = () => ({
  ip: `10.254.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`,
});
const photos = async () => ({ front: await jpegWithExif(), back: await png() });

async function codeFor(phone: string): Promise<string> {
  const sent = await sendSmsCode({ purpose: "release_phone", phone }, { ip: meta().ip, userAgent: "test" });
  expect(sent.ok).toBe(true);
  const sms = await db.outboundMessage.findFirstOrThrow({
    where: { to: phone },
    orderBy: { createdAt: "desc" },
  });
  return sms.code ?? "";
}

async function holderWithPassword() {
  const account = await makeAccount({ name: "原机主", idNumber: randomIdNumber() }, "verified");
  const password = "old-owner-passphrase-1";
  await db.account.update({
    where: { id: account.id },
    data: { passwordHash: await hashPassword(password) },
  });
  return { account: await db.account.findUniqueOrThrow({ where: { id: account.id } }), password };
}

describe("recycled phone numbers: ask support to release (issue 12 item 3)", () => {
  it("reveals nothing before the number's SMS code is verified, then tells a free number to register", async () => {
    const free = randomPhone();
    // a wrong code says only that the code is wrong, registered or not
    const wrong = await verifyReleasePhone({ phone: free, code: "000000" });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: {} } });
    const { account } = await holderWithPassword();
    const wrongTaken = await verifyReleasePhone({ phone: account.phone, code: "000000" });
    expect(wrongTaken.ok ? null : Object.keys(wrongTaken.fieldErrors ?? {})).toEqual(["code"]);
    expect(wrongTaken.ok ? null : wrongTaken.fieldErrors?.code?.key).toBe(
      wrong.ok ? null : wrong.fieldErrors?.code?.key,
    );

    const notRegistered = await verifyReleasePhone({ phone: free, code: await codeFor(free) });
    expect(notRegistered).toMatchObject({ ok: false, error: { key: "phoneRelease.errors.notRegistered" } });
    const taken = await verifyReleasePhone({ phone: account.phone, code: await codeFor(account.phone) });
    expect(taken.ok && openTicket(taken.value.ticket)?.phone).toBe(account.phone);
    // the code is used up: it cannot give a second ticket
    const again = await db.verificationCode.findFirstOrThrow({
      where: { target: account.phone, purpose: "release_phone" },
      orderBy: { createdAt: "desc" },
    });
    expect(again.consumedAt).not.toBeNull();
  });

  it("files a case with the photos for support; approval frees the number, the old account keeps its other sign-in", async () => {
    const { account: holder, password } = await holderWithPassword();
    const idNumber = randomIdNumber();
    const claimantIp = meta();
    const filed = await submitPhoneRelease(
      newTicket(holder.phone),
      { name: "新机主", idType: "resident_id", idNumber, photos: await photos() },
      claimantIp,
    );
    expect(filed.ok).toBe(true);
    const caseId = filed.ok ? filed.value.caseId : "";
    const row = await db.identityCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({
      kind: "phone_release",
      status: "pending",
      accountId: holder.id,
      releasePhone: holder.phone,
      requestedName: "新机主",
    });
    expect(row.requestedIdEnc).not.toContain(idNumber);
    expect(row.frontPhotoKey && row.backPhotoKey).toBeTruthy();
    const received = await db.outboundMessage.findFirstOrThrow({
      where: { to: holder.phone },
      orderBy: { createdAt: "desc" },
    });
    expect(received.body).toContain("已收到您释放本手机号的申请");

    // the holder never sees the claimant's case or photos
    const mine = await identityOverview(studentActor(holder));
    expect([...mine.photoCases, ...mine.changeCases].map((c) => c.id)).not.toContain(caseId);
    expect((await readIdentityPhoto(studentActor(holder), caseId, "front")).ok).toBe(false);

    const support = await makeStaff("support");
    const queue = await listSupportQueue(support);
    expect(queue.items.find((i) => i.id === caseId)).toMatchObject({ kind: "phone_release", name: "新机主" });
    const view = await caseForReview(support, caseId);
    expect(view?.release).toMatchObject({ name: "新机主", idNumber, sameIdNumber: false });
    expect((await readIdentityPhoto(support, caseId, "back")).ok).toBe(true);

    // a second request for the same number waits for the first
    const twice = await submitPhoneRelease(
      newTicket(holder.phone),
      { name: "新机主", idType: "resident_id", idNumber, photos: await photos() },
      meta(),
    );
    expect(twice).toMatchObject({ ok: false, error: { key: "phoneRelease.errors.alreadyOpen" } });

    const approved = await decideIdentityCase(support, { caseId, decision: "approve" });
    expect(approved).toEqual({ ok: true, value: { status: "approved" } });
    const after = await db.account.findUniqueOrThrow({ where: { id: holder.id } });
    expect(after.phone).toBe(`x:${holder.id}`);
    expect(after.identityStatus).toBe("verified");
    expect(
      await db.notification.count({ where: { accountId: holder.id, kind: "identity.phoneReleased" } }),
    ).toBe(1);
    const sms = await db.outboundMessage.findFirstOrThrow({
      where: { to: holder.phone },
      orderBy: { createdAt: "desc" },
    });
    expect(sms.body).toContain("现在可以用它实名注册");
    // the number no longer signs in to the old account; its ID number still does
    expect(
      (await signInStudent({ username: holder.phone, password }, { ip: meta().ip, userAgent: "t" })).ok,
    ).toBe(false);
    const byId = await db.account.findUniqueOrThrow({
      where: { id: holder.id },
      select: { idNumberEnc: true },
    });
    const { decrypt } = await import("@/lib/security/crypto");
    expect(
      (
        await signInStudent(
          { username: decrypt(byId.idNumberEnc), password },
          { ip: meta().ip, userAgent: "t" },
        )
      ).ok,
    ).toBe(true);
    expect(await db.auditLog.count({ where: { targetId: caseId, action: "phoneRelease.approve" } })).toBe(1);
    // decided once only
    expect(await decideIdentityCase(support, { caseId, decision: "approve" })).toMatchObject({ ok: false });
  });

  it("a rejection goes by SMS to the number and the holder hears nothing", async () => {
    const { account: holder } = await holderWithPassword();
    const filed = await submitPhoneRelease(
      newTicket(holder.phone),
      { name: "新机主", idType: "resident_id", idNumber: randomIdNumber(), photos: await photos() },
      meta(),
    );
    const caseId = filed.ok ? filed.value.caseId : "";
    const support = await makeStaff("support");
    const r = await decideIdentityCase(support, { caseId, decision: "reject", reasonCode: "photo_unclear" });
    expect(r).toEqual({ ok: true, value: { status: "rejected" } });
    expect((await db.account.findUniqueOrThrow({ where: { id: holder.id } })).phone).toBe(holder.phone);
    const sms = await db.outboundMessage.findFirstOrThrow({
      where: { to: holder.phone },
      orderBy: { createdAt: "desc" },
    });
    expect(sms.body).toContain("申请未通过");
    expect(sms.body).toContain("照片不清晰");
    expect(await db.notification.count({ where: { accountId: holder.id } })).toBe(0);
  });

  it("refuses bad input, an expired or forged proof, and too many requests — storing nothing", async () => {
    const { account: holder } = await holderWithPassword();
    const files = await db.identityCase.count();
    const bad = await submitPhoneRelease(
      newTicket(holder.phone),
      {
        name: "",
        idType: "resident_id",
        idNumber: "123",
        photos: { front: oversizedJpeg(400 * 1024), back: null },
      },
      meta(),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        name: { key: "register.name.empty" },
        idNumber: { key: "register.idNumber.invalid" },
        front: { key: "identity.photos.errors.tooLarge" },
        back: { key: "identity.photos.errors.missing" },
      },
    });
    const expired = newTicket(holder.phone, {}, Date.now() - 31 * 60_000);
    expect(
      await submitPhoneRelease(
        expired,
        { name: "新机主", idType: "resident_id", idNumber: randomIdNumber(), photos: await photos() },
        meta(),
      ),
    ).toMatchObject({ error: { key: "phoneRelease.errors.ticket" } });
    expect(
      await submitPhoneRelease(
        "forged-ticket",
        { name: "新机主", idType: "resident_id", idNumber: randomIdNumber(), photos: await photos() },
        meta(),
      ),
    ).toMatchObject({ error: { key: "phoneRelease.errors.ticket" } });
    expect(await db.identityCase.count()).toBe(files);

    // 3 a day per number (each refused one is closed so the next may be filed)
    const support = await makeStaff("support");
    for (let i = 0; i < 3; i++) {
      const r = await submitPhoneRelease(
        newTicket(holder.phone),
        { name: "新机主", idType: "resident_id", idNumber: randomIdNumber(), photos: await photos() },
        meta(),
      );
      expect(r.ok).toBe(true);
      if (r.ok)
        await decideIdentityCase(support, {
          caseId: r.value.caseId,
          decision: "reject",
          reasonCode: "photo_unclear",
        });
    }
    const fourth = await submitPhoneRelease(
      newTicket(holder.phone),
      { name: "新机主", idType: "resident_id", idNumber: randomIdNumber(), photos: await photos() },
      meta(),
    );
    expect(fourth).toMatchObject({ ok: false, error: { key: "phoneRelease.errors.dailyLimit" } });
  });
});
