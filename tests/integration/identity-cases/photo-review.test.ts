import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { readIdentityPhoto } from "@/lib/identity-cases/photo-access";
import { uploadsRoot } from "@/lib/uploads/storage";
import {
  duplicateScenario,
  jpegWithExif,
  makeAccount,
  makeStaff,
  oversizedJpeg,
  pdfBytes,
  png,
  randomIdNumber,
  randomName,
  studentActor,
} from "./fixtures";

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

afterEach(() => {
  vi.useRealTimers();
});

async function pair() {
  return { front: await jpegWithExif(), back: await png() };
}

async function photoCases(accountId: string) {
  return db.identityCase.findMany({ where: { accountId, kind: "photo_review" } });
}

describe("hand-held ID photo upload (SPEC §3.1)", () => {
  it("creates a pending case with both photos re-encoded, EXIF gone, stored privately", async () => {
    const s = await duplicateScenario();
    const result = await submitPhotoReview(studentActor(s.pending), await pair());
    expect(result.ok).toBe(true);
    const [row] = await photoCases(s.pending.id);
    expect(row).toMatchObject({ status: "pending", idMasked: s.pending.idMasked });
    for (const key of [row.frontPhotoKey, row.backPhotoKey]) {
      expect(key).toMatch(/^identity\//);
      const file = path.join(uploadsRoot(), key as string);
      expect(existsSync(file)).toBe(true);
      expect(path.resolve(file)).not.toContain(`${path.sep}public${path.sep}`);
    }
    const served = await readIdentityPhoto(studentActor(s.pending), row.id, "front");
    if (!served.ok) throw new Error("owner must read the photo");
    expect(served.value.contentType).toBe("image/jpeg");
    const meta = await sharp(served.value.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served.value.bytes.includes(Buffer.from("secret-location"))).toBe(false);
    expect(
      await db.auditLog.count({ where: { action: "identityCase.photoReview.submit", targetId: row.id } }),
    ).toBe(1);
  });

  it.each([
    ["a PDF named .jpg", () => pdfBytes(), "identity.photos.errors.type"],
    [
      "a text file",
      () => Buffer.from("just some text pretending to be a photo"),
      "identity.photos.errors.type",
    ],
    ["a 301 KB picture", () => oversizedJpeg(301 * 1024), "identity.photos.errors.tooLarge"],
    ["nothing chosen", () => Buffer.alloc(0), "identity.photos.errors.missing"],
  ])("refuses %s at its field and stores nothing", async (_label, make, key) => {
    const s = await duplicateScenario();
    const result = await submitPhotoReview(studentActor(s.pending), {
      front: await jpegWithExif(),
      back: make(),
    });
    expect(result).toEqual({ ok: false, fieldErrors: { back: { key } }, error: undefined });
    expect(await photoCases(s.pending.id)).toHaveLength(0);
  });

  it("accepts exactly 300 KB but refuses a picture that does not decode", async () => {
    const s = await duplicateScenario();
    const result = await submitPhotoReview(studentActor(s.pending), {
      front: oversizedJpeg(300 * 1024),
      back: await png(),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { front: { key: "identity.photos.errors.unreadable" } },
    });
    expect(await photoCases(s.pending.id)).toHaveLength(0);
  });

  it("allows 3 uploads a day and 5 in all", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T02:00:00Z")); // Monday 10:00 in Shanghai
    const s = await duplicateScenario();
    const actor = studentActor(s.pending);
    for (let i = 0; i < 3; i++) expect((await submitPhotoReview(actor, await pair())).ok).toBe(true);
    const fourth = await submitPhotoReview(actor, await pair());
    expect(fourth).toMatchObject({
      ok: false,
      fieldErrors: { front: { key: "identity.photos.errors.dailyLimit" } },
    });
    expect(await photoCases(s.pending.id)).toHaveLength(3);

    vi.setSystemTime(new Date("2026-03-02T16:30:00Z")); // 00:30 the next day in Shanghai
    for (let i = 0; i < 2; i++) expect((await submitPhotoReview(actor, await pair())).ok).toBe(true);
    const sixth = await submitPhotoReview(actor, await pair());
    expect(sixth).toMatchObject({
      ok: false,
      fieldErrors: { front: { key: "identity.photos.errors.totalLimit" } },
    });
    vi.setSystemTime(new Date("2026-03-10T02:00:00Z"));
    const later = await submitPhotoReview(actor, await pair());
    expect(later).toMatchObject({
      ok: false,
      fieldErrors: { front: { key: "identity.photos.errors.totalLimit" } },
    });
    expect(await photoCases(s.pending.id)).toHaveLength(5);
  });

  it("does not let simultaneous uploads slip past the daily limit, and leaves no stray files", async () => {
    const s = await duplicateScenario();
    const actor = studentActor(s.pending);
    const photos = await Promise.all(Array.from({ length: 6 }, () => pair()));
    const filesBefore = await countFiles(path.join(uploadsRoot(), "identity"));
    const results = await Promise.all(photos.map((p) => submitPhotoReview(actor, p)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await photoCases(s.pending.id)).toHaveLength(3);
    expect(await countFiles(path.join(uploadsRoot(), "identity"))).toBe(filesBefore + 6);
  });

  it("is for pending accounts only", async () => {
    const verified = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "verified");
    const result = await submitPhotoReview(studentActor(verified), await pair());
    expect(result).toEqual({ ok: false, error: { key: "identity.errors.notPending", params: undefined } });
  });
});

describe("who may see a hand-held photo", () => {
  it("serves the owner and support; every other actor gets not found", async () => {
    const s = await duplicateScenario();
    await submitPhotoReview(studentActor(s.pending), await pair());
    const [row] = await photoCases(s.pending.id);
    const otherStudent = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "verified");
    const support = await makeStaff("support");
    const registrar = await makeStaff("registrar");
    const college = await makeStaff("college", [s.cls.college.id]);
    const admin = await makeStaff("admin");
    const api = {
      kind: "api" as const,
      tokenId: "t",
      tokenName: "t",
      roles: ["registrar" as const],
      collegeIds: [],
    };

    for (const side of ["front", "back"]) {
      expect((await readIdentityPhoto(studentActor(s.pending), row.id, side)).ok).toBe(true);
      expect((await readIdentityPhoto(support, row.id, side)).ok).toBe(true);
    }
    const refused = [
      null,
      studentActor(otherStudent),
      studentActor(s.holder),
      registrar,
      college,
      admin,
      api,
    ];
    for (const actor of refused) {
      expect(await readIdentityPhoto(actor, row.id, "front")).toEqual({
        ok: false,
        error: { key: "identity.errors.notFound", params: undefined },
      });
    }
    expect((await readIdentityPhoto(support, row.id, "../../etc/passwd")).ok).toBe(false);
    expect((await readIdentityPhoto(support, "no-such-case", "front")).ok).toBe(false);
  });
});
