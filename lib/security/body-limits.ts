/**
 * Request body limits for cookie-authenticated posts (server actions), by page: every form keeps a small
 * body except the few whose files the spec allows to be large.
 *
 * - Every other page: proxy.ts refuses a post whose declared length is over DEFAULT_BODY_LIMIT before the
 *   body is used (413), and the framework copies at most that much of a body for the proxy
 *   (`proxyClientMaxBodySize` in next.config.ts), so an oversized post costs the server at most 1 MB.
 * - FILE_FORM_PAGES: their form posts (server actions, `Next-Action` header) skip the proxy (its copy of the
 *   body would be as large as the files); the framework's `serverActions.bodySizeLimit` (MAX_ACTION_BODY)
 *   caps them, and its own same-origin check for server actions applies.
 * - The roster upload (64 MB) is a route handler that streams to disk: /registrar/import/upload.
 */
const MB = 1024 * 1024;

/** Forms without files, and the identity photos (2 × 300 KB, SPEC §3.1), fit in 1 MB with room to spare. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

export const BODY_LIMITS: readonly { prefix: string; bytes: number; why: string }[] = [
  // 信息有误: up to 5 evidence files of 5 MB each (SPEC §4.3) and the form's fields
  { prefix: "/record/report", bytes: 26 * MB, why: "correction evidence" },
  // the reviews may upload a 录取照片 (at most 5 MB) and carry the evidence choices
  { prefix: "/registrar/corrections", bytes: 26 * MB, why: "admission photo" },
  { prefix: "/college/corrections", bytes: 26 * MB, why: "review form" },
  // a 学号 list (250,000 numbers are ~3.5 MB as CSV)
  { prefix: "/registrar/graduation-lock", bytes: 26 * MB, why: "graduation lock file" },
];

/** Pages whose form posts skip the proxy (see above); proxy.ts's matcher lists the same. */
export const FILE_FORM_PAGES = BODY_LIMITS.map((l) => l.prefix);

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
