import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";
import { hasPhone, maskPhone } from "@/lib/identity/phone";
import { effectiveAssistStatus } from "./classmate-assist";
import { photoUploadCounts } from "./photo-review";
import {
  ASSISTS_PER_DAY,
  decodeRejectReason,
  OWN_CASE_KINDS,
  PHOTO_UPLOADS_PER_DAY,
  PHOTO_UPLOADS_TOTAL,
  RESPONSE_WORKING_DAYS,
} from "./rules";
import { actingStudentAccount } from "./student-account";
import { addWorkingDays, startOfSchoolDay } from "./working-days";
import { workingCalendar } from "@/lib/settings";

/**
 * Everything the student's /identity pages show about their own identity: status, their cases (photo
 * reviews, account changes) with the table columns of SPEC §3.1, the assist requests they sent, and what
 * the limits still allow today. Only the acting student's rows are read.
 */
export async function identityOverview(actorIn: Actor | null, now: Date = new Date()) {
  const { account } = await actingStudentAccount(actorIn, "identityCase.submit");
  const [cases, assists, otherHolders, counts, assistsToday, records, calendar] = await Promise.all([
    db.identityCase.findMany({
      where: { accountId: account.id, kind: { in: [...OWN_CASE_KINDS] } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db.classmateAssist.findMany({
      where: { requesterAccountId: account.id },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { classmate: { select: { name: true } } },
    }),
    db.account.count({
      where: {
        idNumberIndex: account.idNumberIndex,
        id: { not: account.id },
        identityStatus: { not: "cancelled" },
      },
    }),
    photoUploadCounts(db, account.id, now),
    db.classmateAssist.count({
      where: { requesterAccountId: account.id, createdAt: { gte: startOfSchoolDay(now) } },
    }),
    db.enrollmentRecord.findMany({ where: { idNumberIndex: account.idNumberIndex }, select: { name: true } }),
    workingCalendar(),
  ]);
  const toCase = (c: (typeof cases)[number]) => ({
    id: c.id,
    kind: c.kind,
    status: c.status,
    idMasked: c.idMasked,
    createdAt: c.createdAt,
    dueAt: addWorkingDays(c.createdAt, RESPONSE_WORKING_DAYS, calendar),
    decidedAt: c.decidedAt,
    rejectReason: decodeRejectReason(c.rejectReason),
    hasPhotos: !!(c.frontPhotoKey && c.backPhotoKey),
    requestedName: c.requestedName,
    requestedId: !!c.requestedIdEnc,
  });
  return {
    account: {
      name: account.name,
      idMasked: account.idMasked,
      phoneMasked: hasPhone(account.phone) ? maskPhone(account.phone) : "",
      identityStatus: account.identityStatus as "pending" | "verified",
    },
    otherHolders,
    hasMatchingRecord: records.some((r) => nameKey(r.name) === nameKey(account.name)),
    photoCases: cases.filter((c) => c.kind === "photo_review").map(toCase),
    changeCases: cases.filter((c) => c.kind === "account_change").map(toCase),
    resolvedBy: cases.find((c) => c.status === "approved" && c.kind !== "account_change")?.kind ?? null,
    uploads: {
      leftToday: Math.max(
        0,
        Math.min(PHOTO_UPLOADS_PER_DAY - counts.today, PHOTO_UPLOADS_TOTAL - counts.total),
      ),
      leftTotal: Math.max(0, PHOTO_UPLOADS_TOTAL - counts.total),
    },
    assists: assists.map((a) => ({
      id: a.id,
      classmateName: a.classmate.name,
      createdAt: a.createdAt,
      expiresAt: a.expiresAt,
      status: effectiveAssistStatus(a, now),
    })),
    assistsLeftToday: Math.max(0, ASSISTS_PER_DAY - assistsToday),
  };
}
export type IdentityOverview = Awaited<ReturnType<typeof identityOverview>>;
