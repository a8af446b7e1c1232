import type { Permission } from "@/lib/auth/policy";
import { CLOSED_ACCOUNT_LOG_DAYS, MESSAGE_LOG_DAYS, SPENT_CODE_DAYS } from "./retention-periods";

/**
 * The personal information the portal holds, kind by kind (PIPL art. 55–56 impact assessment,
 * docs/privacy.md). `access` names the permissions of lib/auth/policy.ts that open each kind, so the
 * "who can see what" table in docs/privacy.md is generated from the matrix itself
 * (scripts/privacy-table.ts) and cannot drift from it.
 */

/** How much of a kind a permission shows. */
export type AccessLevel = "full" | "masked" | "own";

export type Access = { permission: Permission; level: AccessLevel; note?: string };

/** Retention: a fixed rule, or a number of days after an event read from a setting (with its default). */
export type Retention =
  | { kind: "rule"; text: string }
  | { kind: "setting"; setting: "idPhotoDays" | "evidenceDays"; after: string };

export type DataKind = {
  key: string;
  /** English name with the UI term */
  name: string;
  /** where it is stored (Prisma model.field) */
  stored: string;
  purpose: string;
  /** legal basis under PIPL art. 13 and the consent that covers it */
  basis: string;
  access: Access[];
  retention: Retention;
  /** what is kept after an approved account closure (empty = erased) */
  afterClosure: string;
  protection: string;
};

const CONSENT = "consent at registration (art. 13(1)), separate consent for sensitive data (art. 29)";
const DUTY = "the school's legal duty to keep the student register (art. 13(3); 普通高等学校学生管理规定)";

export const DATA_KINDS: DataKind[] = [
  {
    key: "idNumber",
    name: "ID numbers (证件号码)",
    stored: "Account.idNumberEnc/idNumberIndex/idMasked, EnrollmentRecord.idNumber*, IdentityCase.*IdEnc",
    purpose: "match the account to its enrollment record by real name; resolve duplicate ID numbers",
    basis: `${CONSENT} (Account.sensitiveConsentAt); ${DUTY}`,
    access: [
      { permission: "account.exportOwn", level: "own", note: "in full, in the data download" },
      { permission: "record.viewOwn", level: "masked" },
      { permission: "progress.viewCollege", level: "masked", note: "own colleges only" },
      { permission: "idNumber.reveal", level: "full", note: "one at a time, audited" },
      { permission: "identityCase.review", level: "masked" },
      { permission: "accountChange.apply", level: "masked", note: "requested changes of name or ID number" },
      { permission: "notChecked.export", level: "masked", note: "in the not-checked list's export" },
      { permission: "roster.import", level: "full", note: "the roster files they upload" },
    ],
    retention: { kind: "rule", text: "as long as the enrollment record (the register is kept permanently)" },
    afterClosure: "kept, encrypted, on the closed account (the record and its confirmations belong to it)",
    protection: "AES-256-GCM at rest; HMAC-SHA-256 blind index for look-ups; masked in lists and logs",
  },
  {
    key: "record",
    name: "Enrollment record (学籍信息: name, gender, birth date, ethnicity, college, major, status)",
    stored: "EnrollmentRecord, RecordHistory",
    purpose: "the self-check itself: the student confirms or corrects the school's record",
    basis: DUTY,
    access: [
      { permission: "record.viewOwn", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "in the data download" },
      { permission: "progress.viewCollege", level: "full", note: "own colleges only" },
      { permission: "progress.viewAll", level: "full" },
      { permission: "record.viewHistory", level: "full", note: "changes and their authors" },
      { permission: "notChecked.export", level: "full", note: "not-checked list export, own colleges only" },
      { permission: "export.all", level: "full", note: "exports of every college" },
      { permission: "roster.import", level: "full", note: "imports the roster" },
      { permission: "graduationLock.manage", level: "full", note: "student numbers of the 学历注册 lock" },
    ],
    retention: { kind: "rule", text: "permanently (the school's register)" },
    afterClosure: "kept, unlinked from the account (it is the school's record, not the account's)",
    protection: "server-side authorization per college; every change in RecordHistory and the audit log",
  },
  {
    key: "admissionPhoto",
    name: "Admission photos (录取照片)",
    stored: "EnrollmentRecord.admissionPhotoKey → file under UPLOADS_DIR/admission",
    purpose: "shown with the record so the student can check it is theirs",
    basis: DUTY,
    access: [
      { permission: "record.viewOwn", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "file in the data download" },
      { permission: "progress.viewCollege", level: "full", note: "own colleges only" },
      { permission: "correction.collegeReview", level: "full", note: "own colleges only" },
    ],
    retention: { kind: "rule", text: "as long as the enrollment record" },
    afterClosure: "kept with the record",
    protection: "private folder outside public/, random file names, served only through an authorizing route",
  },
  {
    key: "handheldIdPhoto",
    name: "Hand-held ID photos (手持身份证照片)",
    stored: "IdentityCase.frontPhotoKey/backPhotoKey → files under UPLOADS_DIR/identity",
    purpose: "prove who holds an ID number registered twice (photo review)",
    basis: `${CONSENT}, asked again on the upload form`,
    access: [
      { permission: "identityCase.submit", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "files in the data download" },
      { permission: "identityPhoto.view", level: "full", note: "while reviewing the case" },
    ],
    retention: { kind: "setting", setting: "idPhotoDays", after: "the case closes" },
    afterClosure:
      "open cases are closed; closing makes every photo due, so the next nightly retention run deletes them",
    protection: "EXIF stripped (re-encoded); private folder; photo route checks owner or support; no-store",
  },
  {
    key: "phone",
    name: "Mobile phone numbers (手机号)",
    stored: "Account.phone, VerificationCode.target, OutboundMessage.to, ClassmateAssist.requesterPhone",
    purpose: "sign-in name, SMS codes, notices",
    basis: `${CONSENT}; necessary for the contract of the account (art. 13(2))`,
    access: [
      { permission: "account.manageOwn", level: "own" },
      { permission: "progress.viewCollege", level: "masked", note: "not-checked list, own colleges only" },
      { permission: "phone.reveal", level: "full", note: "one row at a time, 60 an hour, audited" },
      { permission: "identityCase.review", level: "masked" },
      { permission: "recordBinding.decide", level: "masked" },
      { permission: "outbox.view", level: "full", note: "recipients of sent messages" },
    ],
    retention: {
      kind: "rule",
      text:
        "while the account is open; copies: in the log of sent messages " +
        `${MESSAGE_LOG_DAYS} days, in verification codes ${SPENT_CODE_DAYS} day after the code expired, on a ` +
        "classmate-assist request until it is answered or expires (retention job)",
    },
    afterClosure:
      "erased (replaced by a tombstone; kept only encrypted in the closure's audit entry); the copies as before",
    protection: "unique per open account; masked (138****5678) everywhere but the owner's page",
  },
  {
    key: "email",
    name: "E-mail addresses (邮箱)",
    stored: "Account.email/pendingEmail, OutboundMessage.to",
    purpose: "optional recovery channel and notices",
    basis: "consent (optional; the student adds it)",
    access: [
      { permission: "account.manageOwn", level: "own" },
      { permission: "outbox.view", level: "full", note: "recipients of sent messages" },
    ],
    retention: { kind: "rule", text: "while the account is open (the student may replace it)" },
    afterClosure: "erased (kept only encrypted in the closure's audit entry)",
    protection: "verified by link before use; masked in messages and lists",
  },
  {
    key: "selfChecks",
    name: "Self-checks and correction requests (自查记录, 更正申请)",
    stored: "SelfCheck, CorrectionRequest, CorrectionItem",
    purpose: "the school's evidence that each student checked the record, and the corrections made",
    basis: DUTY,
    access: [
      { permission: "record.viewOwn", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "in the data download" },
      { permission: "progress.viewCollege", level: "full", note: "own colleges only" },
      { permission: "correction.collegeReview", level: "full", note: "own colleges only" },
      { permission: "correction.registrarReview", level: "full" },
    ],
    retention: { kind: "rule", text: "as long as the enrollment record" },
    afterClosure: "kept (they are part of the register's history)",
    protection: "server-side authorization per college; decisions audited",
  },
  {
    key: "evidence",
    name: "Evidence files of corrections (证明材料)",
    stored: "EvidenceFile → files under UPLOADS_DIR/evidence",
    purpose: "support a requested correction",
    basis: "consent (the student attaches them)",
    access: [
      { permission: "correction.submit", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "files in the data download" },
      { permission: "correction.collegeReview", level: "full", note: "own colleges only" },
      { permission: "correction.registrarReview", level: "full" },
    ],
    retention: { kind: "setting", setting: "evidenceDays", after: "the request closes" },
    afterClosure: "kept until the retention job deletes them (the request is closed first)",
    protection: "content-type sniffed, images re-encoded, private folder, authorizing route",
  },
  {
    key: "identityCases",
    name: "Identity cases (证件重复, 同学协助, 账号变更)",
    stored: "IdentityCase, ClassmateAssist, RecordBindingRequest",
    purpose: "decide who holds an ID number; apply name or ID changes",
    basis: CONSENT,
    access: [
      { permission: "identityCase.submit", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "in the data download" },
      { permission: "accountChange.request", level: "own" },
      {
        permission: "classmateAssist.answer",
        level: "masked",
        note: "the name of a classmate asking to be vouched for",
      },
      { permission: "identityCase.review", level: "masked" },
      { permission: "accountChange.apply", level: "masked" },
      { permission: "recordBinding.decide", level: "masked" },
    ],
    retention: {
      kind: "rule",
      text:
        "kept with the account; photos as above; the requester's phone number on a classmate-assist request " +
        "is blanked once the request is answered, declined or expired (retention job)",
    },
    afterClosure: "kept (decisions about the ID number), pending ones closed",
    protection: "ID numbers masked for staff; every decision audited",
  },
  {
    key: "signIns",
    name: "Sign-in history and sessions (登录日志: time, IP address, browser)",
    stored: "LoginEvent, AuthSession",
    purpose: "security: the student sees their sign-ins; locks against guessing",
    basis: "legal duty to keep network logs ≥ 6 months (网络安全法 art. 21; PIPL art. 13(3))",
    access: [
      { permission: "account.manageOwn", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "in the data download" },
    ],
    retention: {
      kind: "rule",
      text: `while the account is open, then ${CLOSED_ACCOUNT_LOG_DAYS} days after its closure (retention job)`,
    },
    afterClosure: "kept for the legal minimum of 6 months, for security investigations only",
    protection: "visible to the owner only; IP addresses never in URLs",
  },
  {
    key: "messages",
    name: "Messages (站内信, SMS and e-mails sent)",
    stored: "Notification, OutboundMessage",
    purpose: "tell the student about decisions, codes and reminders",
    basis: "necessary for the account (art. 13(2))",
    access: [
      { permission: "account.manageOwn", level: "own" },
      { permission: "account.exportOwn", level: "own", note: "in the data download" },
      { permission: "outbox.view", level: "full", note: "sent SMS and e-mails" },
    ],
    retention: {
      kind: "rule",
      text:
        `inbox: while the account is open; log of sent SMS and e-mails: ${MESSAGE_LOG_DAYS} days after sending; ` +
        `verification codes (hashed): ${SPENT_CODE_DAYS} day after they expire (retention job)`,
    },
    afterClosure: `inbox erased but for the closure notice; the log of sent messages stays its ${MESSAGE_LOG_DAYS} days`,
    protection: "SMS codes stored only as hashes; inbox texts are catalogue keys with parameters",
  },
  {
    key: "secrets",
    name: "Password and security answers (密码, 密保问题)",
    stored: "Account.passwordHash, SecurityQuestion.answerHash",
    purpose: "sign-in and recovery",
    basis: "necessary for the account (art. 13(2))",
    access: [],
    retention: { kind: "rule", text: "while the account is open" },
    afterClosure: "erased",
    protection: "argon2id hashes only; nobody (staff included) can read them",
  },
  {
    key: "closure",
    name: "Closure requests (注销申请)",
    stored: "AccountClosureRequest",
    purpose: "the student's request to close the account and its decision",
    basis: "PIPL art. 47 (the student's right to deletion)",
    access: [
      { permission: "account.requestClosure", level: "own" },
      { permission: "accountClosure.decide", level: "full" },
    ],
    retention: { kind: "rule", text: "kept with the closed account (proof the request was honoured)" },
    afterClosure: "kept",
    protection: "decisions audited; the student is told by message",
  },
  {
    key: "audit",
    name: "Audit log (审计日志)",
    stored: "AuditLog",
    purpose: "accountability for every change by staff, students and the system",
    basis: "legal duty (PIPL art. 51, 网络安全法 art. 21)",
    access: [{ permission: "audit.view", level: "masked", note: "ID numbers never in clear" }],
    retention: { kind: "rule", text: "permanently; never edited" },
    afterClosure: "kept",
    protection: "written in the same transaction as the change; ID numbers masked or encrypted",
  },
];

/**
 * Permissions that open no personal information beyond what the table lists under other permissions, with
 * the reason. Every permission of lib/auth/policy.ts is either named in DATA_KINDS or here (a unit test
 * checks it), so a new permission cannot slip past this assessment.
 */
export const PERMISSIONS_WITHOUT_PERSONAL_DATA: Partial<Record<Permission, string>> = {
  "selfCheck.confirm": "the student's own confirmation of a record they already see",
  "reminder.send": "sends reminders; the staff member sees no contact details through it",
  "campaign.manage": "campaign windows only",
  "staff.manage": "staff accounts, not students",
  "settings.manage": "settings only (retention periods among them)",
  "apiToken.manage": "creates tokens; data read through a token is governed by the token's roles above",
};
