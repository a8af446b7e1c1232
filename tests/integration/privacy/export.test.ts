import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError, NotFoundError } from "@/lib/core/result";
import { prepareDataExport } from "@/lib/privacy/export";
import { dataExportZip } from "@/lib/privacy/zip";
import { hashPassword } from "@/lib/security/passwords";
import { saveUpload } from "@/lib/uploads/storage";
import {
  idNumberFor,
  makeCampaign,
  makeOrg,
  makeStudent,
  staffActor,
  studentActor,
  uniqueCohort,
  type Org,
} from "../records/fixtures";

/**
 * 下载我的数据 (PIPL art. 45): the zip holds everything the database keeps about the signed-in student and
 * their files, the ID number in full — and nothing of any other student. Password, daily limit and audit.
 */
const PASSWORD = "Zixun-2026-export";
const META = { ip: "203.0.113.9", userAgent: "vitest" };

async function unzip(stream: ReadableStream<Uint8Array>) {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return JSZip.loadAsync(bytes);
}

describe("data export", () => {
  let org: Org;
  let me: Awaited<ReturnType<typeof makeStudent>>;
  let other: Awaited<ReturnType<typeof makeStudent>>;
  const photo = Buffer.from("admission-photo-bytes");
  const evidence = Buffer.from("%PDF-1.4 evidence of my name");
  const handheld = Buffer.from("handheld-front-bytes");

  beforeAll(async () => {
    org = await makeOrg();
    const photoKey = await saveUpload("admission", photo, "jpg");
    me = await makeStudent(org, { photoKey });
    other = await makeStudent(org, { photoKey: await saveUpload("admission", Buffer.from("other"), "jpg") });
    const hash = await hashPassword(PASSWORD);
    await db.account.updateMany({
      where: { id: { in: [me.account.id, other.account.id] } },
      data: { passwordHash: hash },
    });
    await db.account.update({
      where: { id: me.account.id },
      data: { email: `me-${me.account.id}@example.edu.cn`, emailVerifiedAt: new Date() },
    });

    const campaign = await makeCampaign({ cohort: uniqueCohort() });
    await db.selfCheck.create({
      data: {
        campaignId: campaign.id,
        recordId: me.record.id,
        accountId: me.account.id,
        confirmedAt: new Date(),
        confirmedVersion: 1,
      },
    });
    await db.selfCheck.create({
      data: { campaignId: campaign.id, recordId: other.record.id, accountId: other.account.id },
    });
    const request = await db.correctionRequest.create({
      data: {
        recordId: me.record.id,
        accountId: me.account.id,
        collegeId: org.college.id,
        recordVersionAtSubmit: 1,
        status: "approved",
        closedAt: new Date(),
        items: {
          create: [
            { field: "ethnicity", currentValue: "汉族", requestedValue: "回族", reason: "户口本为回族" },
          ],
        },
      },
    });
    await db.evidenceFile.create({
      data: {
        requestId: request.id,
        accountId: me.account.id,
        storageKey: await saveUpload("evidence", evidence, "pdf"),
        mime: "application/pdf",
        size: evidence.length,
        displayName: "户口本.pdf",
      },
    });
    await db.identityCase.create({
      data: {
        accountId: me.account.id,
        kind: "photo_review",
        status: "approved",
        idNumberIndex: me.account.idNumberIndex,
        idMasked: me.account.idMasked,
        frontPhotoKey: await saveUpload("identity", handheld, "jpg"),
        decidedAt: new Date(),
      },
    });
    await db.notification.create({
      data: { accountId: me.account.id, kind: "account.registered", params: "{}" },
    });
    await db.notification.create({
      data: {
        accountId: other.account.id,
        kind: "account.registered",
        params: JSON.stringify({ secret: "other" }),
      },
    });
    await db.loginEvent.create({
      data: { accountId: me.account.id, outcome: "success", ip: "198.51.100.7", userAgent: "Firefox" },
    });
    await db.loginEvent.create({
      data: { accountId: other.account.id, outcome: "success", ip: "192.0.2.99", userAgent: "OtherBrowser" },
    });
    await db.outboundMessage.create({
      data: {
        channel: "sms",
        to: me.account.phone,
        body: "【学籍自查】提醒您核对学籍",
        provider: "outbox",
        status: "stored",
      },
    });
    await db.outboundMessage.create({
      data: {
        channel: "sms",
        to: other.account.phone,
        body: "其他同学的短信",
        provider: "outbox",
        status: "stored",
      },
    });
  });

  it("gives the student a zip of all their data and files, the ID number in full, nothing of anyone else", async () => {
    const result = await prepareDataExport(me.actor, { currentPassword: PASSWORD }, META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fileName).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await unzip(dataExportZip(result.value));
    const names = Object.keys(zip.files).sort();
    expect(names).toContain("data.json");
    expect(names).toContain("README.txt");

    const text = await zip.file("data.json")!.async("string");
    const data = JSON.parse(text);
    expect(data.account.idNumber).toBe(me.idNumber);
    expect(data.account.name).toBe(me.account.name);
    expect(data.account.phone).toBe(me.account.phone);
    expect(data.account.email).toBe(`me-${me.account.id}@example.edu.cn`);
    expect(data.enrollmentRecords).toHaveLength(1);
    expect(data.enrollmentRecords[0].studentNumber).toBe(me.record.studentNumber);
    expect(data.enrollmentRecords[0].idNumber).toBe(me.idNumber);
    expect(data.selfChecks).toHaveLength(1);
    expect(data.selfChecks[0].confirmedVersion).toBe(1);
    expect(data.corrections[0].items[0]).toMatchObject({ field: "ethnicity", requestedValue: "回族" });
    expect(data.identityCases[0]).toMatchObject({ kind: "photo_review", status: "approved" });
    expect(data.inbox.map((n: { kind: string }) => n.kind)).toEqual(["account.registered"]);
    expect(data.signInHistory).toHaveLength(1);
    expect(data.signInHistory[0]).toMatchObject({ ip: "198.51.100.7", outcome: "success" });
    expect(data.messagesSent.map((m: { body: string }) => m.body)).toEqual(["【学籍自查】提醒您核对学籍"]);

    // the files themselves, byte for byte
    const photoPath = data.enrollmentRecords[0].admissionPhoto as string;
    expect(Buffer.from(await zip.file(photoPath)!.async("uint8array"))).toEqual(photo);
    const evidencePath = data.evidenceFiles[0].file as string;
    expect(evidencePath).toMatch(/^files\/evidence-1-/);
    expect(Buffer.from(await zip.file(evidencePath)!.async("uint8array"))).toEqual(evidence);
    const handheldPath = data.identityCases[0].photos[0] as string;
    expect(Buffer.from(await zip.file(handheldPath)!.async("uint8array"))).toEqual(handheld);
    expect(names.filter((n) => n.startsWith("files/") && !n.endsWith("/"))).toHaveLength(3);

    // no secret and nothing of the other student anywhere in the archive
    for (const forbidden of [
      other.idNumber,
      other.account.phone,
      other.record.studentNumber,
      "192.0.2.99",
      "OtherBrowser",
      "其他同学的短信",
      "passwordHash",
      "answerHash",
      "idNumberIndex",
      "storageKey",
    ]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it("writes an audit entry for each download, without the ID number", async () => {
    const before = await db.auditLog.count({
      where: { action: "account.dataExport", targetId: me.account.id },
    });
    const result = await prepareDataExport(me.actor, { currentPassword: PASSWORD }, META);
    expect(result.ok).toBe(true);
    const entries = await db.auditLog.findMany({
      where: { action: "account.dataExport", targetId: me.account.id },
      orderBy: { createdAt: "desc" },
    });
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ actorType: "student", actorId: me.account.id, ip: "203.0.113.9" });
    expect(JSON.parse(entries[0].after ?? "{}")).toEqual({ files: 3 });
    expect(JSON.stringify(entries[0])).not.toContain(me.idNumber);
  });

  it("refuses a wrong password at the field, with nothing exported or audited", async () => {
    const before = await db.auditLog.count({
      where: { action: "account.dataExport", targetId: other.account.id },
    });
    const result = await prepareDataExport(other.actor, { currentPassword: "wrong-password" }, META);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: { key: "account.currentPasswordWrong" } },
    });
    expect(
      await db.auditLog.count({ where: { action: "account.dataExport", targetId: other.account.id } }),
    ).toBe(before);
  });

  it("allows 5 downloads a day per account, then refuses until tomorrow", async () => {
    const student = await makeStudent(org);
    await db.account.update({
      where: { id: student.account.id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    for (let i = 0; i < 5; i++) {
      expect((await prepareDataExport(student.actor, { currentPassword: PASSWORD }, META)).ok).toBe(true);
    }
    const sixth = await prepareDataExport(student.actor, { currentPassword: PASSWORD }, META);
    expect(sixth).toMatchObject({ ok: false, error: { key: "privacy.export.tooMany" } });
  });

  it("serves only the session's own account: staff are refused and a closed account is not found", async () => {
    await expect(
      prepareDataExport(
        staffActor(["registrar"]) as unknown as typeof me.actor,
        { currentPassword: PASSWORD },
        META,
      ),
    ).rejects.toThrow(AuthorizationError);
    const closed = await makeStudent(org, { idNumber: idNumberFor() });
    await db.account.update({ where: { id: closed.account.id }, data: { identityStatus: "cancelled" } });
    await expect(
      prepareDataExport(studentActor(closed.account.id), { currentPassword: PASSWORD }, META),
    ).rejects.toThrow(NotFoundError);
  });

  it("a pending account (duplicate ID number) may download its data too", async () => {
    const pending = await makeStudent(org);
    await db.account.update({
      where: { id: pending.account.id },
      data: { identityStatus: "pending", verifiedIdIndex: null, passwordHash: await hashPassword(PASSWORD) },
    });
    const result = await prepareDataExport(
      studentActor(pending.account.id, "pending"),
      { currentPassword: PASSWORD },
      META,
    );
    expect(result.ok).toBe(true);
  });
});
