import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bulkApprove, collegeDecide, registrarDecide } from "@/lib/corrections/review";
import { requestForStudent } from "@/lib/corrections/queries";
import { submitCorrection } from "@/lib/corrections/submit";
import { recordHistory } from "@/lib/records/history";
import { readUpload, saveUpload } from "@/lib/uploads/storage";
import { makeOrg, makeStudent, staffActor, type Org } from "./fixtures";

/** Issue 12 item 4: the 录取照片 can be reported wrong; the registrar's approval supplies the new photo. */
let org: Org;
let photo: Buffer;
beforeAll(async () => {
  org = await makeOrg();
  photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#aa8866" } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Artist: "GPS 30.5N 114.3E" } } })
    .toBuffer();
});

const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);
const college = () => staffActor(["college"], [org.college.id]);
const registrar = () => staffActor(["registrar"]);

async function reported(evidence: File[] = [file(photo, "近期证件照.jpg")]) {
  const oldKey = await saveUpload("admission", photo, "jpg");
  const s = await makeStudent(org, { photoKey: oldKey });
  const r = await submitCorrection(s.actor, {
    recordId: s.record.id,
    recordVersion: s.record.version,
    items: [{ field: "admissionPhoto", value: "", reason: "录取照片不是本人" }],
    files: evidence,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const items = await db.correctionItem.findMany({ where: { requestId: r.value.requestId } });
  await collegeDecide(college(), {
    requestId: r.value.requestId,
    decisions: items.map((i) => ({ itemId: i.id, decision: "accepted" })),
  });
  return { ...s, oldKey, requestId: r.value.requestId, itemId: items[0].id };
}

describe("admission photo corrections", () => {
  it("needs a reason and a photo among the evidence (a PDF alone is not a photo)", async () => {
    const s = await makeStudent(org);
    const noReason = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: s.record.version,
      items: [{ field: "admissionPhoto", value: "", reason: " " }],
      files: [file(photo, "a.jpg")],
    });
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { "reason.admissionPhoto": { key: "corrections.errors.reasonRequired" } },
    });
    const pdfOnly = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: s.record.version,
      items: [{ field: "admissionPhoto", value: "", reason: "不是本人" }],
      files: [file(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "证明.pdf")],
    });
    expect(pdfOnly).toMatchObject({
      ok: false,
      fieldErrors: { evidence: { key: "corrections.errors.evidence.photoRequired" } },
    });
    expect(await db.correctionRequest.count({ where: { recordId: s.record.id } })).toBe(0);
  });

  it("is never bulk-approved, and the registrar's approval without a new photo changes nothing", async () => {
    const s = await reported();
    const bulk = await bulkApprove(registrar(), "registrar", [s.requestId]);
    expect(bulk.ok && bulk.value.skipped.map((x) => x.key)).toEqual(["corrections.bulk.skippedHighRisk"]);
    const none = await registrarDecide(registrar(), {
      requestId: s.requestId,
      decisions: [{ itemId: s.itemId, decision: "accepted" }],
    });
    expect(none).toMatchObject({
      ok: false,
      fieldErrors: { [`photo.${s.itemId}`]: { key: "corrections.errors.photo.required" } },
    });
    const notImage = await registrarDecide(registrar(), {
      requestId: s.requestId,
      decisions: [{ itemId: s.itemId, decision: "accepted" }],
      photo: { upload: Buffer.from("not an image at all") },
    });
    expect(notImage).toMatchObject({
      ok: false,
      fieldErrors: { [`photo.${s.itemId}`]: { key: "corrections.errors.photo.unreadable" } },
    });
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record).toMatchObject({ admissionPhotoKey: s.oldKey, version: s.record.version });
  });

  it("approved with the student's evidence photo: the record shows the new photo (EXIF gone), the old one stays in history", async () => {
    const s = await reported();
    const evidence = await db.evidenceFile.findFirstOrThrow({ where: { requestId: s.requestId } });
    const done = await registrarDecide(registrar(), {
      requestId: s.requestId,
      decisions: [{ itemId: s.itemId, decision: "accepted" }],
      photo: { evidenceId: evidence.id },
    });
    expect(done).toMatchObject({ ok: true, value: { status: "approved" } });
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record.admissionPhotoKey).not.toBe(s.oldKey);
    expect(record.admissionPhotoKey).toMatch(/^admission\//);
    expect(record.version).toBe(s.record.version + 1);
    const stored = await readUpload(record.admissionPhotoKey ?? "");
    expect((await sharp(stored ?? Buffer.alloc(0)).metadata()).exif).toBeUndefined();
    expect(await readUpload(s.oldKey)).not.toBeNull();
    const history = await recordHistory(s.record.id);
    expect(history).toMatchObject([
      {
        field: "admissionPhoto",
        before: `photo:before:${s.oldKey}`,
        after: `photo:after:${record.admissionPhotoKey}`,
      },
    ]);
    // the student sees the item's outcome
    const mine = await requestForStudent(s.actor, s.requestId);
    expect(mine?.items[0]).toMatchObject({ field: "admissionPhoto", registrarDecision: "accepted" });
  });

  it("approved with a photo the registrar uploads; another request's evidence cannot be used", async () => {
    const s = await reported();
    const other = await reported();
    const foreign = await db.evidenceFile.findFirstOrThrow({ where: { requestId: other.requestId } });
    const stolen = await registrarDecide(registrar(), {
      requestId: s.requestId,
      decisions: [{ itemId: s.itemId, decision: "accepted" }],
      photo: { evidenceId: foreign.id },
    });
    expect(stolen).toMatchObject({
      ok: false,
      fieldErrors: { [`photo.${s.itemId}`]: { key: "corrections.errors.photo.required" } },
    });
    const upload = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: "#224466" } })
      .png()
      .toBuffer();
    const done = await registrarDecide(registrar(), {
      requestId: s.requestId,
      decisions: [{ itemId: s.itemId, decision: "accepted" }],
      photo: { upload },
    });
    expect(done.ok).toBe(true);
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    const meta = await sharp(
      (await readUpload(record.admissionPhotoKey ?? "")) ?? Buffer.alloc(0),
    ).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(800);
  });
});
