/**
 * Request body limits for cookie-authenticated posts (server actions), by page: every form keeps a small
 * body except the few whose files the spec allows to be large. proxy.ts refuses a post whose declared
 * length is over its page's limit before the body is read (413); next.config.ts's
 * `serverActions.bodySizeLimit` is the largest of them, a backstop for the framework's own parser.
 * The roster upload (64 MB) is a route handler that streams to disk: /registrar/import/upload.
 */
const MB = 1024 * 1024;

/** Forms without files, and the identity photos (2 × 300 KB, SPEC §3.1), fit in 1 MB with room to spare. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

export const BODY_LIMITS: readonly { prefix: string; bytes: number; why: string }[] = [
  // 信息有误: up to 5 evidence files of 5 MB each (SPEC §4.3) and the form's fields
  { prefix: "/record/report", bytes: 26 * MB, why: "correction evidence" },
  // the registrar's review may upload a 录取照片 (at most 5 MB)
  { prefix: "/registrar/corrections", bytes: 6 * MB, why: "admission photo" },
  { prefix: "/college/corrections", bytes: 6 * MB, why: "review form" },
  // a 学号 list (250,000 numbers are ~3.5 MB as CSV)
  { prefix: "/registrar/graduation-lock", bytes: 26 * MB, why: "graduation lock file" },
];

/** Largest body any server action may have: `serverActions.bodySizeLimit` in next.config.ts. */
export const MAX_ACTION_BODY = Math.max(DEFAULT_BODY_LIMIT, ...BODY_LIMITS.map((l) => l.bytes));

/** Room left for a form's fields and multipart framing when a page's limit is turned into a file limit. */
export const FORM_OVERHEAD = 64 * 1024;

export function bodyLimitFor(pathname: string): number {
  const match = BODY_LIMITS.find((l) => pathname === l.prefix || pathname.startsWith(`${l.prefix}/`));
  return match?.bytes ?? DEFAULT_BODY_LIMIT;
}

/**
 * Whether a state-changing request must be refused for its size before its body is read: over its page's
 * limit by Content-Length, or streamed without a length (browsers always send one with a form).
 */
export function bodyRefusal(pathname: string, headers: Headers): { status: 411 | 413; limit: number } | null {
  const limit = bodyLimitFor(pathname);
  const declared = headers.get("content-length");
  if (declared === null) return headers.get("transfer-encoding") ? { status: 411, limit } : null;
  return Number(declared) > limit ? { status: 413, limit } : null;
}
