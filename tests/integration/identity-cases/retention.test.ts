import { existsSync } from "node:fs";
import { utimes } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { runRetention } from "@/lib/identity-cases/retention";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { readIdentityPhoto } from "@/lib/identity-cases/photo-access";
import { saveUpload, uploadsRoot } from "@/lib/uploads/storage";
import { duplicateScenario, jpegWithExif, makeStaff, png, studentActor } from "./fixtures";

const DAY = 86_400_000;

describe("retention job (docs/retention.md)", () => {
  it("deletes hand-held photos 90 days after the case closed, not before, and keeps open cases' photos", async () => {
    const closed = await duplicateScenario();
    const open = await duplicateScenario();
    for (const s of [closed, open])
      await submitPhotoReview(studentActor(s.pending), { front: await jpegWithExif(), back: await png() });
    const closedCase = await db.identityCase.findFirstOrThrow({ where: { accountId: closed.pending.id } });
    const openCase = await db.identityCase.findFirstOrThrow({ where: { accountId: open.pending.id } });
    const support = await makeStaff("support");
    await decideIdentityCase(support, {
      caseId: closedCase.id,
      decision: "reject",
      reasonCode: "photo_unclear",
    });
    const files = [closedCase.frontPhotoKey, closedCase.backPhotoKey].map((k) =>
      path.join(uploadsRoot(), k as string),
    );

    await runRetention(new Date(Date.now() + 89 * DAY));
    expect(files.every((f) => existsSync(f))).toBe(true);

    const dry = await runRetention(new Date(Date.now() + 91 * DAY), { dryRun: true });
    expect(dry.photoCases).toBeGreaterThanOrEqual(1);
    expect(files.every((f) => existsSync(f))).toBe(true);

    await runRetention(new Date(Date.now() + 91 * DAY));
    expect(files.some((f) => existsSync(f))).toBe(false);
    const after = await db.identityCase.findUniqueOrThrow({ where: { id: closedCase.id } });
    expect(after).toMatchObject({ frontPhotoKey: null, backPhotoKey: null, status: "rejected" });
    expect((await readIdentityPhoto(support, closedCase.id, "front")).ok).toBe(false);
    expect(
      await db.auditLog.count({
        where: { action: "retention.identityPhotosDeleted", targetId: closedCase.id },
      }),
    ).toBe(1);

    const stillOpen = await db.identityCase.findUniqueOrThrow({ where: { id: openCase.id } });
    expect(existsSync(path.join(uploadsRoot(), stillOpen.frontPhotoKey as string))).toBe(true);
  });

  it("removes stray photo files no case references once they are a day old", async () => {
    const key = await saveUpload("identity", await png(), "png");
    const file = path.join(uploadsRoot(), key);
    await runRetention(new Date());
    expect(existsSync(file)).toBe(true);
    const old = new Date(Date.now() - 2 * DAY);
    await utimes(file, old, old);
    await runRetention(new Date());
    expect(existsSync(file)).toBe(false);
  });

  it("schedules and deletes evidence of closed correction requests after the evidence period", async () => {
    const s = await duplicateScenario();
    const request = await db.correctionRequest.create({
      data: {
        recordId: s.record.id,
        accountId: s.holder.id,
        collegeId: s.cls.college.id,
        recordVersionAtSubmit: 1,
        status: "rejected",
        closedAt: new Date(),
      },
    });
    const key = await saveUpload("evidence", Buffer.from("%PDF-1.4\n%%EOF\n"), "pdf");
    const evidence = await db.evidenceFile.create({
      data: {
        requestId: request.id,
        accountId: s.holder.id,
        storageKey: key,
        mime: "application/pdf",
        size: 15,
        displayName: "a.pdf",
      },
    });
    const first = await runRetention(new Date());
    expect(first.evidenceScheduled).toBeGreaterThanOrEqual(1);
    const scheduled = await db.evidenceFile.findUniqueOrThrow({ where: { id: evidence.id } });
    expect(scheduled.deleteAfter?.getTime()).toBeGreaterThan(Date.now() + 179 * DAY);
    await runRetention(new Date(Date.now() + 181 * DAY));
    expect(await db.evidenceFile.findUnique({ where: { id: evidence.id } })).toBeNull();
    expect(existsSync(path.join(uploadsRoot(), key))).toBe(false);
  });
});
