import { stripAllSpaces, toHalfWidth } from "@/lib/identity/normalize";

/** "123 456", full-width digits → "123456"; anything but 6 digits is refused before any lookup. */
export function normalizeCode(raw: string): string | null {
  const value = stripAllSpaces(toHalfWidth(raw));
  return /^\d{6}$/.test(value) ? value : null;
}
