import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { confirmCurrentPassword } from "@/lib/accounts/reauth";
import { fail, NotFoundError, ok, type Result } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { db } from "@/lib/db";
import { hasPhone } from "@/lib/identity/phone";
import { audit } from "@/lib/security/audit";
import { decrypt } from "@/lib/security/crypto";
import { consume } from "@/lib/security/rate-limit";

/** A stored file that goes into the zip: its path inside the archive and its storage key. */
export type ExportFile = { path: string; key: string };

export type DataExport = {
  /** everything the database holds about the student, as plain JSON */
  data: Record<string, unknown>;
  files: ExportFile[];
  /** my-data-YYYY-MM-DD.zip */
  fileName: string;
};

const openDecrypt = (sealed: string | null): string | null => {
  if (!sealed) return null;
  try {
    return decrypt(sealed);
  } catch {
    return null;
  }
};

const extOf = (key: string) => key.slice(key.lastIndexOf(".") + 1);
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "file";

/**
 * 下载我的数据 (PIPL art. 45): after the current password, everything the portal holds about the signed-in
 * student — never anyone else (the account id is the session's). Limited to 5 downloads a day; each is
 * audited. The ID number appears in full here only: this copy goes to its owner.
 */
export async function prepareDataExport(
  actor: StudentActor,
  input: { currentPassword: string },
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<Result<DataExport>> {
  assertCan(actor, "account.exportOwn");
  const account = await db.account.findUnique({ where: { id: actor.accountId } });
  if (!account || account.identityStatus === "cancelled") throw new NotFoundError();
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  const limit = await consume("dataExportsPerAccountDay", account.id);
  if (!limit.ok) return fail("privacy.export.tooMany", { until: limit.retryAt.toISOString() }, "rateLimited");

  const { data, files } = await collectData(account.id);
  await db.$transaction(async (tx) => {
    await audit(tx, actor, {
      action: "account.dataExport",
      targetType: "account",
      targetId: account.id,
      after: { files: files.length },
      ip: meta.ip,
    });
  });
  return ok({ data, files, fileName: `my-data-${now.toISOString().slice(0, 10)}.zip` });
}

/** Reads every row that belongs to one account (exported for the tests' inspection of the contents). */
export async function collectData(
  accountId: string,
): Promise<{ data: Record<string, unknown>; files: ExportFile[] }> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      emailVerifiedAt: true,
      pendingEmail: true,
      idType: true,
      idNumberEnc: true,
      identityStatus: true,
      notifyBySms: true,
      notifyByEmail: true,
      sensitiveConsentAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const [
    questions,
    external,
    records,
    selfChecks,
    corrections,
    identityCases,
    assistsSent,
    assistsReceived,
    bindings,
    notifications,
    signIns,
    sessions,
    closures,
    evidence,
  ] = await Promise.all([
    db.securityQuestion.findMany({
      where: { accountId },
      orderBy: { position: "asc" },
      select: { position: true, questionKey: true, createdAt: true },
    }),
    db.externalIdentity.findMany({
      where: { accountId },
      select: {
        subject: true,
        createdAt: true,
        lastSignInAt: true,
        provider: { select: { nameZh: true, nameEn: true } },
      },
    }),
    db.enrollmentRecord.findMany({
      where: { accountId },
      include: {
        college: { select: { name: true } },
        major: { select: { name: true } },
        classGroup: { select: { name: true } },
        history: { orderBy: { changedAt: "asc" } },
      },
    }),
    db.selfCheck.findMany({
      where: { accountId },
      orderBy: { firstViewedAt: "asc" },
      include: { campaign: { select: { name: true } }, record: { select: { studentNumber: true } } },
    }),
    db.correctionRequest.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      include: { items: true, record: { select: { studentNumber: true } } },
    }),
    db.identityCase.findMany({ where: { accountId }, orderBy: { createdAt: "asc" } }),
    db.classmateAssist.findMany({
      where: { requesterAccountId: accountId },
      orderBy: { createdAt: "asc" },
      select: { status: true, requesterPhone: true, expiresAt: true, answeredAt: true, createdAt: true },
    }),
    // Requests the student answered for a classmate: only the student's own part (no classmate details).
    db.classmateAssist.findMany({
      where: { classmateAccountId: accountId },
      orderBy: { createdAt: "asc" },
      select: { status: true, readAt: true, answeredAt: true, createdAt: true },
    }),
    db.recordBindingRequest.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: {
        status: true,
        reason: true,
        decidedAt: true,
        createdAt: true,
        record: { select: { studentNumber: true } },
      },
    }),
    db.notification.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, params: true, linkPath: true, readAt: true, createdAt: true },
    }),
    db.loginEvent.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: { outcome: true, method: true, ip: true, userAgent: true, createdAt: true },
    }),
    db.authSession.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: {
        ip: true,
        userAgent: true,
        method: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        revokeReason: true,
      },
    }),
    db.accountClosureRequest.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: { reason: true, status: true, decisionNote: true, decidedAt: true, createdAt: true },
    }),
    db.evidenceFile.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        requestId: true,
        storageKey: true,
        mime: true,
        size: true,
        displayName: true,
        createdAt: true,
        deleteAfter: true,
      },
    }),
  ]);
  const addresses = [hasPhone(account.phone) ? account.phone : null, account.email].filter(
    (a): a is string => !!a,
  );
  const sent = addresses.length
    ? await db.outboundMessage.findMany({
        // a recycled number's earlier messages belong to its previous holder
        where: { to: { in: addresses }, createdAt: { gte: account.createdAt } },
        orderBy: { createdAt: "asc" },
        select: { channel: true, to: true, subject: true, body: true, status: true, createdAt: true },
      })
    : [];

  const files: ExportFile[] = [];
  const exportedRecords = records.map((r) => {
    const { idNumberEnc, idNumberIndex: _index, admissionPhotoKey, history, ...rest } = r;
    let admissionPhoto: string | null = null;
    if (admissionPhotoKey) {
      admissionPhoto = `files/admission-photo-${r.studentNumber}.${extOf(admissionPhotoKey)}`;
      files.push({ path: admissionPhoto, key: admissionPhotoKey });
    }
    return {
      ...rest,
      idNumber: openDecrypt(idNumberEnc),
      college: r.college.name,
      major: r.major.name,
      classGroup: r.classGroup.name,
      admissionPhoto,
      history: history.map((h) => ({
        field: h.field,
        before: h.beforeValue,
        after: h.afterValue,
        source: h.source,
        changedAt: h.changedAt,
      })),
    };
  });
  const exportedCases = identityCases.map((c, i) => {
    const photos: string[] = [];
    for (const [side, key] of [
      ["front", c.frontPhotoKey],
      ["back", c.backPhotoKey],
    ] as const) {
      if (!key) continue;
      const p = `files/identity-case-${i + 1}-${side}.${extOf(key)}`;
      files.push({ path: p, key });
      photos.push(p);
    }
    return {
      kind: c.kind,
      status: c.status,
      idMasked: c.idMasked,
      requestedName: c.requestedName,
      requestedIdNumber: openDecrypt(c.requestedIdEnc),
      beforeName: c.beforeName,
      beforeIdNumber: openDecrypt(c.beforeIdEnc),
      rejectReason: c.rejectReason,
      decidedAt: c.decidedAt,
      photosDeleteAfter: c.photosDeleteAfter,
      createdAt: c.createdAt,
      photos,
    };
  });
  const exportedEvidence = evidence.map((e, i) => {
    const p = `files/evidence-${i + 1}-${safeName(e.displayName)}`;
    files.push({ path: p, key: e.storageKey });
    const { storageKey: _key, id: _id, ...rest } = e;
    return { ...rest, file: p };
  });

  const data = {
    exportedAt: new Date().toISOString(),
    account: {
      name: account.name,
      phone: hasPhone(account.phone) ? account.phone : null,
      email: account.email,
      emailVerifiedAt: account.emailVerifiedAt,
      pendingEmail: account.pendingEmail,
      idType: account.idType,
      idNumber: openDecrypt(account.idNumberEnc),
      identityStatus: account.identityStatus,
      notifyBySms: account.notifyBySms,
      notifyByEmail: account.notifyByEmail,
      sensitiveConsentAt: account.sensitiveConsentAt,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
    },
    securityQuestions: questions,
    externalSignIns: external.map((e) => ({
      provider: e.provider.nameZh,
      providerEn: e.provider.nameEn,
      subject: e.subject,
      createdAt: e.createdAt,
      lastSignInAt: e.lastSignInAt,
    })),
    enrollmentRecords: exportedRecords,
    selfChecks: selfChecks.map((s) => ({
      campaign: s.campaign.name,
      studentNumber: s.record.studentNumber,
      firstViewedAt: s.firstViewedAt,
      lastViewedAt: s.lastViewedAt,
      confirmedAt: s.confirmedAt,
      confirmedVersion: s.confirmedVersion,
      reportedAt: s.reportedAt,
    })),
    corrections: corrections.map((c) => ({
      id: c.id,
      studentNumber: c.record.studentNumber,
      route: c.route,
      status: c.status,
      collegeNote: c.collegeNote,
      registrarNote: c.registrarNote,
      createdAt: c.createdAt,
      collegeDecidedAt: c.collegeDecidedAt,
      registrarDecidedAt: c.registrarDecidedAt,
      appliedAt: c.appliedAt,
      withdrawnAt: c.withdrawnAt,
      closedAt: c.closedAt,
      items: c.items.map((it) => ({
        field: it.field,
        currentValue: it.currentValue,
        requestedValue: it.requestedValue,
        reason: it.reason,
        collegeDecision: it.collegeDecision,
        collegeReason: it.collegeReason,
        registrarDecision: it.registrarDecision,
        registrarReason: it.registrarReason,
      })),
    })),
    evidenceFiles: exportedEvidence,
    identityCases: exportedCases,
    classmateAssistsSent: assistsSent,
    classmateAssistsAnswered: assistsReceived,
    recordBindingRequests: bindings.map((b) => ({
      ...b,
      record: undefined,
      studentNumber: b.record.studentNumber,
    })),
    inbox: notifications.map((n) => ({ ...n, params: parseParams(n.params) })),
    messagesSent: sent,
    signInHistory: signIns,
    sessions,
    closureRequests: closures,
  };
  return { data, files };
}

function parseParams(params: string): unknown {
  try {
    return JSON.parse(params);
  } catch {
    return {};
  }
}
