/**
 * The numbers of SPEC §3, in one place so pages, services and tests agree. Plain constants: no I/O.
 */

/** 手持身份证照片: at most 300 KB each (the national site's "图片大小不超过300K"). */
export const PHOTO_MAX_BYTES = 300 * 1024;
/** Photo uploads (one upload = one photo_review case with both photos). */
export const PHOTO_UPLOADS_PER_DAY = 3;
export const PHOTO_UPLOADS_TOTAL = 5;
/** A decoded image larger than this is refused before it is decoded (pixel-flood defence). */
export const PHOTO_MAX_PIXELS = 25_000_000;
/** Re-encoded photos are scaled down to fit this box; plenty for comparing a face with an ID card. */
export const PHOTO_MAX_EDGE = 2000;

/** 同学协助 requests a requester may send per day, and how long a request can be answered. */
export const ASSISTS_PER_DAY = 5;
export const ASSIST_LIFETIME_DAYS = 7;

/** Account name / ID number change requests per day (a verified student; one pending at a time). */
export const ACCOUNT_CHANGES_PER_DAY = 3;

/** The promise shown to students and highlighted for support: answered within 3 working days. */
export const RESPONSE_WORKING_DAYS = 3;

export const CASE_KINDS = [
  "photo_review",
  "roster_evidence",
  "classmate_assist",
  "account_change",
  "phone_release",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Kinds a support clerk decides (the other two resolve without a human). */
export const REVIEWED_KINDS = [
  "photo_review",
  // roster evidence for a record without a 考生号 in the roster (SPEC §3.3)
  "roster_evidence",
  "account_change",
  "phone_release",
] as const satisfies readonly CaseKind[];

/** Kinds that belong to the account's owner (/identity); a phone_release case is a stranger's claim. */
export const OWN_CASE_KINDS = [
  "photo_review",
  "roster_evidence",
  "classmate_assist",
  "account_change",
] as const satisfies readonly CaseKind[];

/** 手机号释放 requests: at most 3 a day per phone number and 10 a day per address; one open per number. */
export const PHONE_RELEASES_PER_PHONE_DAY = 3;
/** How long a verified phone number may be used to file a release request (minutes). */
export const PHONE_RELEASE_TICKET_MINUTES = 30;

export const PHOTO_SIDES = ["front", "back"] as const;
export type PhotoSide = (typeof PHOTO_SIDES)[number];

/** Common reasons support picks from when refusing; "other" needs a free-text note. */
export const REJECT_REASONS = [
  "photo_unclear",
  "id_not_held",
  "info_mismatch",
  "not_owner",
  "face_covered",
  "other",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * A rejection is stored as "<code>" or "<code>:<note>" so each reader sees the reason in their own language
 * with the clerk's note (in the clerk's words) after it.
 */
export function encodeRejectReason(code: RejectReason, note: string): string {
  const trimmed = note.trim();
  return trimmed ? `${code}:${trimmed}` : code;
}

export function decodeRejectReason(stored: string | null): { code: RejectReason; note: string } | null {
  if (!stored) return null;
  const at = stored.indexOf(":");
  const code = (at === -1 ? stored : stored.slice(0, at)) as RejectReason;
  const note = at === -1 ? "" : stored.slice(at + 1);
  return (REJECT_REASONS as readonly string[]).includes(code)
    ? { code, note }
    : { code: "other", note: stored };
}
