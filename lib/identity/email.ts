import { z } from "zod";

const emailSchema = z.email().max(254);

export function parseEmail(raw: string): { ok: true; value: string } | { ok: false } {
  const value = raw.trim().toLowerCase();
  return emailSchema.safeParse(value).success ? { ok: true, value } : { ok: false };
}

/** a***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
