import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthorizationError } from "@/lib/core/result";
import { db } from "@/lib/db";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { caseForReview, listSupportQueue } from "@/lib/identity-cases/support-queue";
import { submitRosterEvidence } from "@/lib/identity-cases/roster-evidence";
import { examNumberIndex } from "@/lib/roster-import/exam-number";
import { duplicateScenario, jpegWithExif, makeStaff, png, studentActor } from "./fixtures";

afterEach(() => {
  vi.useRealTimers();
});

async function uploaded() {
  const s = await duplicateScenario();
  const r = await submitPhotoReview(studentActor(s.pending), {
    front: await jpegWithExif(),
    back: await png(),
  });
  if (!r.ok) throw new Error("upload refused");
  return { ...s, caseId: r.value.caseId };
}

describe("support queue and decisions (SPEC §3.1, §7)", () => {
  it("lists open cases oldest first with the 3-working-day deadline", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-05T07:00:00Z")); // Friday 15:00 Shanghai
    const older = await uploaded();
    vi.setSystemTime(new Date("2026-06-08T02:00:00Z")); // Monday 10:00
    const newer = await uploaded();
    const support = await makeStaff("support");

    vi.setSystemTime(new Date("2026-06-10T08:00:00Z")); // Wednesday 16:00: the Friday case is overdue
    const queue = await listSupportQueue(support);
    const mine = queue.items.filter((i) => i.id === older.caseId || i.id === newer.caseId);
    expect(mine.map((i) => i.id)).toEqual([older.caseId, newer.caseId]);
    expect(mine[0].dueAt.toISOString()).toBe("2026-06-10T07:00:00.000Z");
    expect(mine[0].due).toBe("overdue");
    expect(mine[1].due).toBe("dueSoon");
    expect(mine[0].idMasked).toMatch(/^\d\*+[\dX]$/);
    expect(queue.overdue).toBeGreaterThanOrEqual(1);
  });

  it("is refused to students, college and registrar staff", async () => {
    const s = await uploaded();
    for (const actor of [
      studentActor(s.pending),
      await makeStaff("college"),
      await makeStaff("registrar"),
      null,
    ]) {
      await expect(listSupportQueue(actor)).rejects.toThrow(AuthorizationError);
      await expect(caseForReview(actor, s.caseId)).rejects.toThrow(AuthorizationError);
      await expect(decideIdentityCase(actor, { caseId: s.caseId, decision: "approve" })).rejects.toThrow(
        AuthorizationError,
      );
    }
  });

  it("shows the full ID number to support and logs that it was shown", async () => {
    const s = await uploaded();
    const support = await makeStaff("support");
    const view = await caseForReview(support, s.caseId);
    expect(view?.account.idNumber).toBe(s.person.idNumber);
    expect(view?.account.name).toBe(s.person.name);
    expect(view?.otherHolders.map((h) => h.id)).toEqual([s.holder.id]);
    expect(view?.rosterMatch).toBe(true);
    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "identityCase.revealIdNumber", targetId: s.caseId, actorId: support.staffUserId },
    });
    expect(logged.after).not.toContain(s.person.idNumber);
    expect(view?.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["identityCase.photoReview.submit", "identityCase.revealIdNumber"]),
    );
  });

  it("approving resolves the duplicate: this account verified, the other cancelled and told", async () => {
    const s = await uploaded();
    const support = await makeStaff("support");
    // The page names the account an approval cancels; without its confirmation nothing happens.
    const view = await caseForReview(support, s.caseId);
    expect(view?.otherHolders).toEqual([
      expect.objectContaining({ id: s.holder.id, name: s.holder.name, cancelledOnApproval: true }),
    ]);
    for (const confirmCancel of [undefined, "", "someone-else", `${s.holder.id},x`]) {
      const refused = await decideIdentityCase(support, {
        caseId: s.caseId,
        decision: "approve",
        confirmCancel,
      });
      expect(refused).toMatchObject({
        ok: false,
        fieldErrors: { confirmCancel: { key: "support.errors.confirmCancel", params: { count: 1 } } },
      });
    }
    expect((await db.identityCase.findUniqueOrThrow({ where: { id: s.caseId } })).status).toBe("pending");
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).not.toBe(
      "cancelled",
    );
    const result = await decideIdentityCase(support, {
      caseId: s.caseId,
      decision: "approve",
      confirmCancel: s.holder.id,
    });
    expect(result).toEqual({ ok: true, value: { status: "approved" } });
    const row = await db.identityCase.findUniqueOrThrow({ where: { id: s.caseId } });
    expect(row).toMatchObject({ status: "approved", decidedById: support.staffUserId });
    expect(row.photosDeleteAfter?.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "verified",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).toBe(
      "cancelled",
    );
    expect(await db.outboundMessage.count({ where: { to: s.holder.phone } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { to: s.pending.phone } })).toBe(1);
    const second = await decideIdentityCase(support, {
      caseId: s.caseId,
      decision: "reject",
      reasonCode: "not_owner",
    });
    expect(second).toMatchObject({ ok: false, error: { key: "support.errors.alreadyDecided" } });
  });

  it("rejecting needs a reason (free text for 'other') and tells the student", async () => {
    const s = await uploaded();
    const support = await makeStaff("support");
    expect(await decideIdentityCase(support, { caseId: s.caseId, decision: "reject" })).toMatchObject({
      ok: false,
      fieldErrors: { reasonCode: { key: "support.errors.reasonRequired" } },
    });
    expect(
      await decideIdentityCase(support, {
        caseId: s.caseId,
        decision: "reject",
        reasonCode: "other",
        note: " ",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { note: { key: "support.errors.noteRequired" } },
    });
    const result = await decideIdentityCase(support, {
      caseId: s.caseId,
      decision: "reject",
      reasonCode: "photo_unclear",
      note: "请在光线充足处拍摄",
    });
    expect(result).toEqual({ ok: true, value: { status: "rejected" } });
    const row = await db.identityCase.findUniqueOrThrow({ where: { id: s.caseId } });
    expect(row.rejectReason).toBe("photo_unclear:请在光线充足处拍摄");
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).toBe(
      "verified",
    );
    const sms = await db.outboundMessage.findFirstOrThrow({ where: { to: s.pending.phone } });
    expect(sms.body).toContain("照片不清晰");
    expect(
      await db.notification.count({ where: { accountId: s.pending.id, kind: "identity.photoRejected" } }),
    ).toBe(1);
  });

  it("an account resolved another way leaves its open photo case closed, not approvable", async () => {
    const s = await uploaded();
    const support = await makeStaff("support");
    await db.enrollmentRecord.update({
      where: { id: s.record.id },
      data: { examNumberIndex: examNumberIndex("26110101234567") },
    });
    const roster = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: s.record.studentNumber,
      enrolledOn: s.record.enrolledOn,
      examNumber: "26110101234567",
    });
    expect(roster.ok).toBe(true);
    expect((await db.identityCase.findUniqueOrThrow({ where: { id: s.caseId } })).status).toBe("cancelled");
    const result = await decideIdentityCase(support, { caseId: s.caseId, decision: "approve" });
    expect(result).toMatchObject({ ok: false, error: { key: "support.errors.alreadyDecided" } });
  });

  it("an account resolved another way while the clerk approves: the clerk reads that the case is closed", async () => {
    const s = await uploaded();
    const support = await makeStaff("support");
    // another resolution committed between the clerk opening the case and pressing 通过
    await db.account.update({ where: { id: s.pending.id }, data: { identityStatus: "verified" } });
    const result = await decideIdentityCase(support, {
      caseId: s.caseId,
      decision: "approve",
      confirmCancel: s.holder.id,
    });
    expect(result).toMatchObject({ ok: false, error: { key: "support.errors.alreadyResolved" } });
    expect((await db.identityCase.findUniqueOrThrow({ where: { id: s.caseId } })).status).toBe("pending");
  });
});
