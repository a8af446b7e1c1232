import { stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeExpiredEvidence } from "@/lib/corrections/evidence";
import { submitCorrection } from "@/lib/corrections/submit";
import { decideBinding, listBindings, requestBinding } from "@/lib/records/binding";
import { recordForAccount } from "@/lib/records/matching";
import { admissionPhotoFor } from "@/lib/records/photo";
import { deleteUpload, isValidKey, readUpload, saveUpload, sniff, uploadsRoot } from "@/lib/uploads/storage";
import {
  idNumberFor,
  makeAccount,
  makeOrg,
  makeRecord,
  makeStudent,
  randomName,
  staffActor,
  studentActor,
  type Org,
} from "./fixtures";

let org: Org;
beforeAll(async () => {
  org = await makeOrg();
});

const registrar = () => staffActor(["registrar"]);

describe("尝试绑定学籍 (renamed student)", () => {
  async function renamed() {
    const id = idNumberFor();
    const admissionName = randomName();
    const account = await makeAccount({
      name: randomName(),
      idNumber: id,
      email: `r${Date.now()}@example.edu.cn`,
    });
    const record = await makeRecord(org, { name: admissionName, idNumber: id });
    return { id, admissionName, account, record, actor: studentActor(account.id) };
  }

  it("finds the record by 学号 + 证件号码 + admission name, the registrar approves, the student is told", async () => {
    const s = await renamed();
    expect(await recordForAccount(s.actor)).toBeNull();
    const result = await requestBinding(s.actor, {
      studentNumber: s.record.studentNumber.toLowerCase(),
      name: s.admissionName,
      idNumber: s.id.toLowerCase(),
    });
    expect(result).toMatchObject({ ok: true, value: { status: "pending" } });
    // Asking again does not create a second request.
    const again = await requestBinding(s.actor, {
      studentNumber: s.record.studentNumber,
      name: s.account.name,
      idNumber: s.id,
    });
    expect(again.ok && again.value.bindingId).toBe(result.ok ? result.value.bindingId : "");
    expect(await db.recordBindingRequest.count({ where: { accountId: s.account.id } })).toBe(1);

    const pending = await listBindings(registrar());
    const row = pending.find((b) => b.id === (result.ok ? result.value.bindingId : ""));
    expect(row?.record.idMasked).toBe(s.record.idMasked);
    expect(row?.account.phoneMasked).toMatch(/^139\*{4}\d{4}$/);

    const decided = await decideBinding(registrar(), { bindingId: row!.id, decision: "approve" });
    expect(decided).toEqual({ ok: true, value: { status: "approved" } });
    expect((await recordForAccount(s.actor))?.id).toBe(s.record.id);
    const kinds = (await db.notification.findMany({ where: { accountId: s.account.id } }))
      .map((n) => n.kind)
      .sort();
    expect(kinds).toEqual(["binding.approved", "binding.submitted"]);
    expect(await db.auditLog.count({ where: { action: "recordBinding.decide", targetId: row!.id } })).toBe(1);
    // Verified e-mail + SMS on: both channels got the approval.
    expect(await db.outboundMessage.count({ where: { to: s.account.email! } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { to: s.account.phone } })).toBe(1);

    const twice = await decideBinding(registrar(), { bindingId: row!.id, decision: "reject", reason: "x" });
    expect(twice).toMatchObject({ ok: false, error: { key: "record.binding.errors.alreadyDecided" } });
  });

  it("answers the same 'no match' for a wrong 学号, someone else's ID number or a wrong name", async () => {
    const s = await renamed();
    const other = await makeStudent(org);
    const noMatch = { ok: false, error: { key: "record.binding.errors.noMatch", params: undefined } };
    expect(
      await requestBinding(s.actor, { studentNumber: "S000000", name: s.admissionName, idNumber: s.id }),
    ).toEqual(noMatch);
    expect(
      await requestBinding(s.actor, {
        studentNumber: other.record.studentNumber,
        name: other.record.name,
        idNumber: other.idNumber,
      }),
    ).toEqual(noMatch);
    expect(
      await requestBinding(s.actor, {
        studentNumber: s.record.studentNumber,
        name: "张三丰",
        idNumber: s.id,
      }),
    ).toEqual(noMatch);
    const bad = await requestBinding(s.actor, { studentNumber: "", name: "", idNumber: "123" });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "idNumber",
      "name",
      "studentNumber",
    ]);
    expect(await db.recordBindingRequest.count({ where: { accountId: s.account.id } })).toBe(0);
  });

  it("refusal needs a reason; two registrars deciding at once: one wins", async () => {
    const s = await renamed();
    const r = await requestBinding(s.actor, {
      studentNumber: s.record.studentNumber,
      name: s.admissionName,
      idNumber: s.id,
    });
    if (!r.ok || !r.value.bindingId) throw new Error("setup");
    const id = r.value.bindingId;
    expect(await decideBinding(registrar(), { bindingId: id, decision: "reject" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: { key: "record.binding.errors.reasonRequired" } },
    });
    const both = await Promise.all([
      decideBinding(registrar(), { bindingId: id, decision: "approve" }),
      decideBinding(registrar(), { bindingId: id, decision: "reject", reason: "材料不符" }),
    ]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    const binding = await db.recordBindingRequest.findUniqueOrThrow({ where: { id } });
    expect(record.accountId).toBe(binding.status === "approved" ? s.account.id : null);
  });

  it("only the registrar decides bindings", async () => {
    await expect(listBindings(staffActor(["college"], [org.college.id]))).rejects.toThrow("not authorised");
  });
});

describe("admission photo access", () => {
  it("owner and staff of the record's college see it; other students and colleges do not", async () => {
    const jpeg = await sharp({ create: { width: 30, height: 40, channels: 3, background: "#438edb" } })
      .jpeg()
      .toBuffer();
    const key = await saveUpload("admission", jpeg, "jpg");
    const s = await makeStudent(org, { photoKey: key });
    const stranger = await makeStudent(org);
    expect((await admissionPhotoFor(s.actor, s.record.id))?.mime).toBe("image/jpeg");
    expect(await admissionPhotoFor(stranger.actor, s.record.id)).toBeNull();
    expect(await admissionPhotoFor(null, s.record.id)).toBeNull();
    expect(await admissionPhotoFor(staffActor(["college"], [org.college.id]), s.record.id)).not.toBeNull();
    expect(await admissionPhotoFor(staffActor(["college"], [org.otherCollege.id]), s.record.id)).toBeNull();
    expect(await admissionPhotoFor(staffActor(["registrar"]), s.record.id)).not.toBeNull();
    expect(await admissionPhotoFor(staffActor(["support"]), s.record.id)).toBeNull();
    expect(await admissionPhotoFor(studentActor(s.account.id, "pending"), s.record.id)).toBeNull();
  });
});

describe("private storage", () => {
  it("stores under server-generated names inside UPLOADS_DIR and never leaves it", async () => {
    const key = await saveUpload("evidence", Buffer.from("%PDF-1.4 x"), "pdf");
    expect(key).toMatch(/^evidence\/\d{4}\/\d{2}\/[0-9a-f]{32}\.pdf$/);
    const file = path.join(uploadsRoot(), key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readUpload(key))?.toString()).toBe("%PDF-1.4 x");
    await deleteUpload(key);
    expect(await readUpload(key)).toBeNull();
    await deleteUpload(key); // idempotent
    for (const bad of [
      "../etc/passwd",
      "evidence/../../x",
      "/etc/passwd",
      "evidence/.hidden",
      "evidence\\x",
      "a//b",
    ]) {
      expect(isValidKey(bad)).toBe(false);
      expect(await readUpload(bad)).toBeNull();
    }
    await expect(saveUpload("../x", Buffer.from("x"), "pdf")).rejects.toThrow();
    await expect(saveUpload("evidence", Buffer.from("x"), "p/df")).rejects.toThrow();
  });

  it("sniffs by content, not by name", async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(await sniff(png, ["image/png"])).toEqual({ mime: "image/png", ext: "png" });
    expect(await sniff(png, ["application/pdf"])).toBeNull();
    expect(await sniff(Buffer.from("just text"), ["image/png", "application/pdf"])).toBeNull();
  });

  it("the retention job deletes evidence of requests closed long enough ago, file first", async () => {
    const s = await makeStudent(org);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const r = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: 1,
      items: [{ field: "department", value: "软件工程系", reason: "通知书" }],
      files: [new File([new Uint8Array(png)], "a.png")],
    });
    if (!r.ok) throw new Error("setup");
    const evidence = await db.evidenceFile.findFirstOrThrow({ where: { requestId: r.value.requestId } });
    // Open requests keep their evidence whatever the date.
    expect(await purgeExpiredEvidence(new Date(Date.now() + 10 * 365 * 86_400_000))).toBeGreaterThanOrEqual(
      0,
    );
    expect(await db.evidenceFile.count({ where: { id: evidence.id } })).toBe(1);
    await db.evidenceFile.update({
      where: { id: evidence.id },
      data: { deleteAfter: new Date(Date.now() - 1000) },
    });
    await purgeExpiredEvidence();
    expect(await db.evidenceFile.count({ where: { id: evidence.id } })).toBe(0);
    expect(await readUpload(evidence.storageKey)).toBeNull();
  });
});
