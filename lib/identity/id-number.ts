import { stripAllSpaces, toHalfWidth } from "./normalize";

/** 证件类型 codes, in the order the registration form lists them. */
export const ID_TYPES = [
  "resident_id",
  "hk_macao_residence",
  "taiwan_residence",
  "passport",
  "other",
] as const;
export type IdType = (typeof ID_TYPES)[number];

export type IdNumberResult =
  { ok: true; value: string; converted15?: boolean } | { ok: false; reason: IdNumberError };

export type IdNumberError = "empty" | "format" | "checkDigit" | "birthDate" | "region";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** GB 11643 / ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkDigitFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Whitespace removed, full-width characters made half-width, letters upper-case. */
export function normalizeIdNumber(raw: string): string {
  return stripAllSpaces(toHalfWidth(raw)).toUpperCase();
}

/** Mainland province-level codes plus 81 (Hong Kong), 82 (Macao) and 83 (Taiwan residence permits). */
const REGION_PREFIXES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function birthDateIsPlausible(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || !isRealDate(year, month, day)) return false;
  return Date.UTC(year, month - 1, day) <= today.getTime();
}

/** Converts a valid 15-digit first-generation number (19YYMMDD birth date) to its 18-digit form. */
export function convert15To18(id15: string): string {
  const first17 = id15.slice(0, 6) + "19" + id15.slice(6);
  return first17 + checkDigitFor(first17);
}

/**
 * Validates and normalises a 居民身份证 number (also the format of 港澳台居民居住证).
 * Accepts lower-case x, spaces and full-width digits; converts 15-digit numbers.
 */
export function parseResidentIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = normalizeIdNumber(raw);
  if (value === "") return { ok: false, reason: "empty" };
  if (/^\d{15}$/.test(value)) {
    if (!REGION_PREFIXES.has(value.slice(0, 2))) return { ok: false, reason: "region" };
    if (!birthDateIsPlausible("19" + value.slice(6, 12), today)) return { ok: false, reason: "birthDate" };
    return { ok: true, value: convert15To18(value), converted15: true };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "format" };
  if (!REGION_PREFIXES.has(value.slice(0, 2))) return { ok: false, reason: "region" };
  if (!birthDateIsPlausible(value.slice(6, 14), today)) return { ok: false, reason: "birthDate" };
  if (checkDigitFor(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "checkDigit" };
  return { ok: true, value };
}

/** Validates an ID number for its 证件类型. */
export function parseIdNumber(idType: IdType, raw: string, today: Date = new Date()): IdNumberResult {
  switch (idType) {
    case "resident_id": {
      const r = parseResidentIdNumber(raw, today);
      if (r.ok && /^8[123]/.test(r.value)) return { ok: false, reason: "region" };
      return r;
    }
    case "hk_macao_residence": {
      const r = parseResidentIdNumber(raw, today);
      if (!r.ok) return r;
      if (r.converted15 || !/^8[12]0000/.test(r.value)) return { ok: false, reason: "region" };
      return r;
    }
    case "taiwan_residence": {
      const r = parseResidentIdNumber(raw, today);
      if (!r.ok) return r;
      if (r.converted15 || !r.value.startsWith("830000")) return { ok: false, reason: "region" };
      return r;
    }
    case "passport": {
      const value = normalizeIdNumber(raw);
      if (value === "") return { ok: false, reason: "empty" };
      return /^[A-Z0-9]{5,17}$/.test(value) ? { ok: true, value } : { ok: false, reason: "format" };
    }
    case "other": {
      const value = normalizeIdNumber(raw);
      if (value === "") return { ok: false, reason: "empty" };
      return /^[A-Z0-9()\-]{4,30}$/.test(value) ? { ok: true, value } : { ok: false, reason: "format" };
    }
  }
}

/** Birth date (YYYY-MM-DD) and gender encoded in an 18-digit resident ID number. */
export function factsFromIdNumber(id18: string): { birthDate: string; gender: "男" | "女" } | null {
  if (!/^\d{17}[\dX]$/.test(id18)) return null;
  const birthDate = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  const gender = Number(id18[16]) % 2 === 1 ? "男" : "女";
  return { birthDate, gender };
}

/** 1**************0 style: first and last character kept, the rest starred. */
export function maskIdNumber(id: string): string {
  if (id.length <= 2) return "*".repeat(id.length);
  return id[0] + "*".repeat(id.length - 2) + id[id.length - 1];
}
