/**
 * Only a path on this site is followed after sign-in: "/record" yes; "//evil.example", "/\evil.example",
 * "https://…" and anything with control characters no.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || next.length > 200 || !next.startsWith("/")) return undefined;
  if (next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return undefined;
  return next;
}
