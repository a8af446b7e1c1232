import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/core/result";
import { db } from "@/lib/db";
import { submitAccountChange } from "@/lib/identity-cases/account-change";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { blindIndex, decrypt } from "@/lib/security/crypto";
import {
  jpegWithExif,
  makeAccount,
  makeClass,
  makeRecord,
  makeStaff,
  pdfBytes,
  png,
  randomIdNumber,
  randomName,
  studentActor,
} from "./fixtures";

async function photos() {
  return { front: await jpegWithExif(), back: await png() };
}

describe("account name / ID number change (SPEC §3.4)", () => {
  it("support applies it; the old values are kept; records follow the new identity", async () => {
    const cls = await makeClass();
    const wrong = { name: randomName(), idNumber: randomIdNumber() };
    const right = { name: randomName(), idNumber: randomIdNumber() };
    const account = await makeAccount(wrong, "verified");
    const record = await makeRecord(cls, right);
    const submitted = await submitAccountChange(studentActor(account), {
      requestedName: right.name,
      requestedIdNumber: right.idNumber.toLowerCase(),
      photos: await photos(),
    });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const support = await makeStaff("support");
    const applied = await decideIdentityCase(support, {
      caseId: submitted.value.caseId,
      decision: "approve",
    });
    expect(applied).toEqual({ ok: true, value: { status: "approved" } });

    const after = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.name).toBe(right.name);
    expect(decrypt(after.idNumberEnc)).toBe(right.idNumber);
    expect(after.idNumberIndex).toBe(blindIndex(right.idNumber));
    expect(after.verifiedIdIndex).toBe(blindIndex(right.idNumber));
    const row = await db.identityCase.findUniqueOrThrow({ where: { id: submitted.value.caseId } });
    expect(row.beforeName).toBe(wrong.name);
    expect(decrypt(row.beforeIdEnc as string)).toBe(wrong.idNumber);
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } })).accountId).toBe(
      account.id,
    );
    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "account.identityChange", targetId: account.id },
    });
    expect(logged.before).toContain(wrong.name);
    expect(logged.before).not.toContain(wrong.idNumber);
    expect(
      await db.notification.count({ where: { accountId: account.id, kind: "identity.changeApplied" } }),
    ).toBe(1);
  });

  it("refuses to apply an ID number another verified account holds", async () => {
    const taken = { name: randomName(), idNumber: randomIdNumber() };
    await makeAccount(taken, "verified");
    const account = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "verified");
    const submitted = await submitAccountChange(studentActor(account), {
      requestedName: "",
      requestedIdNumber: taken.idNumber,
      photos: await photos(),
    });
    if (!submitted.ok) throw new Error("refused");
    const support = await makeStaff("support");
    const result = await decideIdentityCase(support, { caseId: submitted.value.caseId, decision: "approve" });
    expect(result).toMatchObject({ ok: false, error: { key: "support.errors.idNumberTaken" } });
    expect((await db.identityCase.findUniqueOrThrow({ where: { id: submitted.value.caseId } })).status).toBe(
      "pending",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).idNumberIndex).toBe(
      account.idNumberIndex,
    );
  });

  it("checks the request: something must change, formats, photos, one open request", async () => {
    const person = { name: randomName(), idNumber: randomIdNumber() };
    const account = await makeAccount(person, "verified");
    const actor = studentActor(account);
    expect(
      await submitAccountChange(actor, {
        requestedName: person.name,
        requestedIdNumber: "",
        photos: await photos(),
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { requestedName: { key: "identity.change.errors.nothingChanged" } },
    });
    expect(
      await submitAccountChange(actor, {
        requestedName: "",
        requestedIdNumber: "110101200501010000",
        photos: { front: pdfBytes(), back: await png() },
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        requestedIdNumber: { key: "identity.change.errors.idFormat" },
        front: { key: "identity.photos.errors.type" },
      },
    });
    expect(
      (
        await submitAccountChange(actor, {
          requestedName: randomName("欧阳"),
          requestedIdNumber: "",
          photos: await photos(),
        })
      ).ok,
    ).toBe(true);
    expect(
      await submitAccountChange(actor, {
        requestedName: randomName("欧阳"),
        requestedIdNumber: "",
        photos: await photos(),
      }),
    ).toMatchObject({ ok: false, error: { key: "identity.change.errors.alreadyOpen" } });
  });

  it("is for verified accounts; support rejects with a reason", async () => {
    const pending = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "pending");
    await expect(
      submitAccountChange(studentActor(pending), {
        requestedName: randomName("欧阳"),
        requestedIdNumber: "",
        photos: await photos(),
      }),
    ).rejects.toThrow(AuthorizationError);
    const account = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "verified");
    const submitted = await submitAccountChange(studentActor(account), {
      requestedName: randomName("欧阳"),
      requestedIdNumber: "",
      photos: await photos(),
    });
    if (!submitted.ok) throw new Error("refused");
    const support = await makeStaff("support");
    const rejected = await decideIdentityCase(support, {
      caseId: submitted.value.caseId,
      decision: "reject",
      reasonCode: "info_mismatch",
    });
    expect(rejected.ok).toBe(true);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).name).toBe(account.name);
  });
});
