import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import {
  closureRequestDetail,
  decideClosure,
  listClosureRequests,
  myClosureRequest,
  requestClosure,
  withdrawClosure,
} from "@/lib/privacy/closure";
import { runRetention } from "@/lib/identity-cases/retention";
import { findAccountByUsername } from "@/lib/accounts/find-account";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import { decrypt } from "@/lib/security/crypto";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { makeCampaign, makeOrg, makeStudent, staffActor, uniqueCohort, type Org } from "../records/fixtures";

/**
 * 注销账号 (PIPL art. 47): the student asks (reason, password, confirmation), the registrar decides. On
 * approval contact details and secrets go, the record and what the rules require stay, and the student is
 * told what and why.
 */
const PASSWORD = "Zixun-2026-closure";
const META = { ip: "203.0.113.10", userAgent: "vitest" };
const registrar = staffActor(["registrar"]);

async function student(org: Org) {
  const s = await makeStudent(org);
  await db.account.update({
    where: { id: s.account.id },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  return s;
}

const ask = (
  s: Awaited<ReturnType<typeof student>>,
  over: Partial<Parameters<typeof requestClosure>[1]> = {},
) =>
  requestClosure(
    s.actor,
    { reason: "已毕业，不再使用", currentPassword: PASSWORD, confirm: true, ...over },
    META,
  );

describe("account closure: the student's request", () => {
  let org: Org;
  beforeAll(async () => {
    org = await makeOrg();
  });

  it("needs a reason, the confirmation and the right password; nothing is filed otherwise", async () => {
    const s = await student(org);
    expect(await ask(s, { reason: "  ", confirm: false })).toMatchObject({
      ok: false,
      fieldErrors: {
        reason: { key: "privacy.closure.errors.reasonRequired" },
        confirm: { key: "privacy.closure.errors.confirmRequired" },
      },
    });
    expect(await ask(s, { reason: "长".repeat(501) })).toMatchObject({
      fieldErrors: { reason: { key: "privacy.closure.errors.reasonTooLong", params: { max: 500 } } },
    });
    expect(await ask(s, { currentPassword: "not-my-password" })).toMatchObject({
      fieldErrors: { currentPassword: { key: "account.currentPasswordWrong" } },
    });
    expect(await db.accountClosureRequest.count({ where: { accountId: s.account.id } })).toBe(0);
  });

  it("files one request at a time, audited and confirmed in the inbox; it can be withdrawn", async () => {
    const s = await student(org);
    const first = await ask(s);
    expect(first.ok).toBe(true);
    expect(await ask(s)).toMatchObject({
      ok: false,
      error: { key: "privacy.closure.errors.alreadyPending" },
    });
    expect(await myClosureRequest(s.actor)).toMatchObject({ status: "pending", reason: "已毕业，不再使用" });
    expect(
      await db.auditLog.count({ where: { action: "account.closureRequest", actorId: s.account.id } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { accountId: s.account.id, kind: "closure.submitted" } }),
    ).toBe(1);
    expect((await withdrawClosure(s.actor, META)).ok).toBe(true);
    expect(await myClosureRequest(s.actor)).toMatchObject({ status: "withdrawn" });
    expect(await withdrawClosure(s.actor, META)).toMatchObject({
      ok: false,
      error: { key: "privacy.closure.errors.notPending" },
    });
    const again = await ask(s);
    expect(again.ok).toBe(true);
  });

  it("is refused while a correction request is still being handled", async () => {
    const s = await student(org);
    await db.correctionRequest.create({
      data: {
        recordId: s.record.id,
        accountId: s.account.id,
        collegeId: org.college.id,
        recordVersionAtSubmit: 1,
        status: "submitted",
      },
    });
    expect(await ask(s)).toMatchObject({
      ok: false,
      error: { key: "privacy.closure.errors.openCorrection" },
    });
  });

  it("staff cannot file one; students cannot list or decide", async () => {
    const s = await student(org);
    await expect(listClosureRequests(s.actor)).rejects.toThrow(AuthorizationError);
    await expect(closureRequestDetail(s.actor, "x")).rejects.toThrow(AuthorizationError);
    await expect(decideClosure(s.actor, { requestId: "x", decision: "approve" })).rejects.toThrow(
      AuthorizationError,
    );
    await expect(listClosureRequests(staffActor(["college"], [org.college.id]))).rejects.toThrow(
      AuthorizationError,
    );
    await expect(listClosureRequests(staffActor(["support"]))).rejects.toThrow(AuthorizationError);
  });
});

describe("account closure: the registrar's decision", () => {
  let org: Org;
  beforeAll(async () => {
    org = await makeOrg();
  });

  it("lists pending requests with masked identity and the linked records", async () => {
    const s = await student(org);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    const rows = await listClosureRequests(registrar);
    const row = rows.find((r) => r.id === filed.value.id);
    expect(row).toMatchObject({
      status: "pending",
      account: { name: s.account.name, idMasked: s.account.idMasked },
      studentNumbers: [s.record.studentNumber],
      openCorrections: 0,
    });
    expect(row?.account.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(rows)).not.toContain(s.idNumber);
  });

  it("a refusal needs a note, tells the student, and leaves the account as it was", async () => {
    const s = await student(org);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    expect(await decideClosure(registrar, { requestId: filed.value.id, decision: "reject" })).toMatchObject({
      fieldErrors: { note: { key: "privacy.closure.errors.noteRequired" } },
    });
    const result = await decideClosure(registrar, {
      requestId: filed.value.id,
      decision: "reject",
      note: "请先办理离校手续",
    });
    expect(result).toMatchObject({ ok: true, value: { status: "rejected" } });
    expect(await myClosureRequest(s.actor)).toMatchObject({
      status: "rejected",
      decisionNote: "请先办理离校手续",
    });
    const account = await db.account.findUniqueOrThrow({ where: { id: s.account.id } });
    expect(account.identityStatus).toBe("verified");
    expect(account.phone).toBe(s.account.phone);
    const note = await db.notification.findFirstOrThrow({
      where: { accountId: s.account.id, kind: "closure.rejected" },
    });
    expect(JSON.parse(note.params)).toEqual({ reason: "请先办理离校手续" });
    expect(await decideClosure(registrar, { requestId: filed.value.id, decision: "approve" })).toMatchObject({
      ok: false,
      error: { key: "privacy.closure.errors.alreadyDecided" },
    });
  });

  it("approval erases contact details and secrets, keeps the record and its history, and tells the student what and why", async () => {
    const s = await student(org);
    const email = `close-${s.account.id}@example.edu.cn`;
    await db.account.update({ where: { id: s.account.id }, data: { email, emailVerifiedAt: new Date() } });
    await db.securityQuestion.create({
      data: { accountId: s.account.id, position: 1, questionKey: "q1", answerHash: "h" },
    });
    const campaign = await makeCampaign({ cohort: uniqueCohort() });
    await db.selfCheck.create({
      data: {
        campaignId: campaign.id,
        recordId: s.record.id,
        accountId: s.account.id,
        confirmedAt: new Date(),
      },
    });
    await db.correctionRequest.create({
      data: {
        recordId: s.record.id,
        accountId: s.account.id,
        collegeId: org.college.id,
        recordVersionAtSubmit: 1,
        status: "approved",
        closedAt: new Date(),
      },
    });
    const photoCase = await db.identityCase.create({
      data: {
        accountId: s.account.id,
        kind: "photo_review",
        status: "approved",
        idNumberIndex: s.account.idNumberIndex,
        idMasked: s.account.idMasked,
        frontPhotoKey: "identity/2026/01/closure-test.jpg",
        decidedAt: new Date(),
        photosDeleteAfter: new Date(Date.now() + 80 * 86_400_000),
      },
    });
    await db.loginEvent.create({ data: { accountId: s.account.id, outcome: "success", ip: "198.51.100.1" } });
    const session = await startSession({ accountId: s.account.id }, META);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    const smsBefore = await db.outboundMessage.count({ where: { to: s.account.phone } });

    const result = await decideClosure(registrar, { requestId: filed.value.id, decision: "approve" }, META);
    expect(result).toMatchObject({ ok: true, value: { status: "approved" } });

    const account = await db.account.findUniqueOrThrow({ where: { id: s.account.id } });
    // erased
    expect(account).toMatchObject({
      identityStatus: "cancelled",
      cancelReason: "closure_requested",
      email: null,
      emailVerifiedAt: null,
      verifiedIdIndex: null,
    });
    expect(account.phone).toBe(`x:${s.account.id}`);
    expect(await verifyPassword(account.passwordHash, PASSWORD)).toBe(false);
    expect(await db.securityQuestion.count({ where: { accountId: s.account.id } })).toBe(0);
    expect(await resolveSession(session.id)).toBeNull();
    expect(await findAccountByUsername(s.account.phone)).toBeNull();
    expect(
      await db.notification.findMany({ where: { accountId: s.account.id }, select: { kind: true } }),
    ).toEqual([{ kind: "closure.approved" }]);
    // kept: the record (unlinked), its self-checks and corrections, name and ID number, sign-ins, audit
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record.accountId).toBeNull();
    expect(record.name).toBe(s.record.name);
    expect(await db.selfCheck.count({ where: { accountId: s.account.id } })).toBe(1);
    expect(await db.correctionRequest.count({ where: { accountId: s.account.id } })).toBe(1);
    expect(account.name).toBe(s.account.name);
    expect(decrypt(account.idNumberEnc)).toBe(s.idNumber);
    expect(await db.loginEvent.count({ where: { accountId: s.account.id } })).toBeGreaterThan(0);
    // hand-held photos: due for the next retention run
    const closedCase = await db.identityCase.findUniqueOrThrow({ where: { id: photoCase.id } });
    expect(closedCase.photosDeleteAfter!.getTime()).toBeLessThanOrEqual(Date.now());
    // audited, with the old contact details only encrypted
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "account.close", targetId: s.account.id },
    });
    expect(entry.actorId).toBe(registrar.staffUserId);
    expect(entry.before).not.toContain(s.account.phone);
    expect(entry.before).not.toContain(email);
    const before = JSON.parse(entry.before ?? "{}");
    expect(decrypt(before.phoneEnc)).toBe(s.account.phone);
    // told by SMS and e-mail, which say what is kept and why
    const sent = await db.outboundMessage.findMany({
      where: { to: { in: [s.account.phone, email] } },
      orderBy: { createdAt: "desc" },
    });
    expect(sent.length).toBe(smsBefore + 2);
    for (const m of sent.slice(0, 2)) {
      expect(m.body).toContain("已按您的申请注销");
      expect(m.body).toContain("保留您的学籍信息");
      expect(m.body).toContain("网络安全法");
    }
    // the phone number is free for a new registration
    expect(await db.account.count({ where: { phone: s.account.phone } })).toBe(0);
  });

  it("is refused when a correction was opened after the request, and the request stays pending", async () => {
    const s = await student(org);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    await db.correctionRequest.create({
      data: {
        recordId: s.record.id,
        accountId: s.account.id,
        collegeId: org.college.id,
        recordVersionAtSubmit: 1,
        status: "college_confirmed",
      },
    });
    expect((await closureRequestDetail(registrar, filed.value.id))?.openCorrections).toBe(1);
    expect(await decideClosure(registrar, { requestId: filed.value.id, decision: "approve" })).toMatchObject({
      ok: false,
      error: { key: "privacy.closure.errors.openCorrection" },
    });
    expect(await myClosureRequest(s.actor)).toMatchObject({ status: "pending" });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.account.id } })).identityStatus).toBe(
      "verified",
    );
  });

  it("two registrars deciding at once: one approval wins, the other is told it was decided", async () => {
    const s = await student(org);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    const results = await Promise.all([
      decideClosure(registrar, { requestId: filed.value.id, decision: "approve" }),
      decideClosure(staffActor(["registrar"]), {
        requestId: filed.value.id,
        decision: "reject",
        note: "不同意",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      error: { key: "privacy.closure.errors.alreadyDecided" },
    });
  });

  it("the retention job deletes a closed account's sign-in history after six months, not before", async () => {
    const s = await student(org);
    const filed = await ask(s);
    if (!filed.ok) throw new Error("not filed");
    await decideClosure(registrar, { requestId: filed.value.id, decision: "approve" });
    await db.loginEvent.create({ data: { accountId: s.account.id, outcome: "success" } });
    await runRetention(new Date(Date.now() + 100 * 86_400_000));
    expect(await db.loginEvent.count({ where: { accountId: s.account.id } })).toBe(1);
    const report = await runRetention(new Date(Date.now() + 190 * 86_400_000));
    expect(report.closedAccountSignIns).toBeGreaterThanOrEqual(1);
    expect(await db.loginEvent.count({ where: { accountId: s.account.id } })).toBe(0);
  });
});
