import { toHalfWidth } from "./normalize";

/** Mainland mobile number: 11 digits starting 1[3-9]. Accepts spaces, dashes, full-width digits, +86. */
export function parsePhone(raw: string): { ok: true; value: string } | { ok: false } {
  let value = toHalfWidth(raw).replace(/[\s\-()]/g, "");
  if (value.startsWith("+86")) value = value.slice(3);
  else if (value.startsWith("0086")) value = value.slice(4);
  return /^1[3-9]\d{9}$/.test(value) ? { ok: true, value } : { ok: false };
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "****";
}

/** Whether an account has a phone bound (a released or cancelled account holds an "x:" tombstone). */
export function hasPhone(phone: string | null | undefined): phone is string {
  return !!phone && !phone.startsWith("x:");
}
