import { isRealDate, parseIdNumber, ID_TYPES, type IdType } from "@/lib/identity/id-number";
import { parseName } from "@/lib/identity/name";
import { stripAllSpaces, toHalfWidth, codePointLength } from "@/lib/identity/normalize";
import type { RecordField } from "@/lib/records/fields";

/** The 56 民族 in the official order, plus the values the national record also uses. */
export const ETHNICITY_OPTIONS = [
  "汉族",
  "蒙古族",
  "回族",
  "藏族",
  "维吾尔族",
  "苗族",
  "彝族",
  "壮族",
  "布依族",
  "朝鲜族",
  "满族",
  "侗族",
  "瑶族",
  "白族",
  "土家族",
  "哈尼族",
  "哈萨克族",
  "傣族",
  "黎族",
  "傈僳族",
  "佤族",
  "畲族",
  "高山族",
  "拉祜族",
  "水族",
  "东乡族",
  "纳西族",
  "景颇族",
  "柯尔克孜族",
  "土族",
  "达斡尔族",
  "仫佬族",
  "羌族",
  "布朗族",
  "撒拉族",
  "毛南族",
  "仡佬族",
  "锡伯族",
  "阿昌族",
  "普米族",
  "塔吉克族",
  "怒族",
  "乌孜别克族",
  "俄罗斯族",
  "鄂温克族",
  "德昂族",
  "保安族",
  "裕固族",
  "京族",
  "塔塔尔族",
  "独龙族",
  "鄂伦春族",
  "赫哲族",
  "门巴族",
  "珞巴族",
  "基诺族",
  "穿青人",
  "其他",
  "外国血统中国籍人士",
] as const;

export const GENDER_OPTIONS = ["男", "女"] as const;

export type ValueResult = { ok: true; value: string } | { ok: false; key: string };

const err = (key: string): ValueResult => ({ ok: false, key: `corrections.errors.value.${key}` });

/** A calendar date typed as YYYY-MM-DD (also YYYY/MM/DD or YYYY.MM.DD, full-width digits accepted). */
export function parseCalendarDate(raw: string, today: Date = new Date()): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(stripAllSpaces(toHalfWidth(raw)));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > today.getUTCFullYear() + 10 || !isRealDate(year, month, day)) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Free text of a plain field: trimmed, inner runs of spaces collapsed, 1–50 characters, no control characters. */
function plainText(raw: string, max = 50): string | null {
  const value = toHalfWidth(raw).replace(/\s+/g, " ").trim();
  if (value === "" || codePointLength(value) > max || /[\u0000-\u001f\u007f<>]/.test(value)) return null;
  return value;
}

/**
 * Validates and normalises the value a student says is correct for a field, with the same rules the
 * registration and roster import use, so an approved correction can never write a malformed record.
 */
export function parseRequestedValue(
  field: RecordField,
  raw: string,
  context: { idType: string; today?: Date },
): ValueResult {
  const today = context.today ?? new Date();
  if (raw.trim() === "") return err("required");
  switch (field) {
    case "name": {
      const r = parseName(raw, { keepTraditional: true });
      return r.ok ? { ok: true, value: r.value } : err("name");
    }
    case "gender":
      return (GENDER_OPTIONS as readonly string[]).includes(raw.trim())
        ? { ok: true, value: raw.trim() }
        : err("gender");
    case "ethnicity": {
      const value = stripAllSpaces(raw);
      return (ETHNICITY_OPTIONS as readonly string[]).includes(value)
        ? { ok: true, value }
        : err("ethnicity");
    }
    case "idNumber": {
      const idType = (ID_TYPES as readonly string[]).includes(context.idType)
        ? (context.idType as IdType)
        : "other";
      const r = parseIdNumber(idType, raw, today);
      return r.ok ? { ok: true, value: r.value } : err("idNumber");
    }
    case "birthDate":
    case "enrolledOn":
    case "expectedGraduationOn": {
      const value = parseCalendarDate(raw, today);
      if (!value) return err("date");
      if (field === "birthDate" && value > today.toISOString().slice(0, 10)) return err("date");
      return { ok: true, value };
    }
    case "duration": {
      const value = stripAllSpaces(toHalfWidth(raw)).replace(/年$/, "");
      return /^(?:[1-9]|1[0-2])(?:\.5)?$/.test(value) ? { ok: true, value } : err("duration");
    }
    case "studentNumber": {
      const value = stripAllSpaces(toHalfWidth(raw)).toUpperCase();
      return /^[A-Z0-9-]{4,32}$/.test(value) ? { ok: true, value } : err("studentNumber");
    }
    case "level":
    case "major":
    case "educationCategory":
    case "studyMode":
    case "college":
    case "department":
    case "classGroup":
    case "schoolName":
    case "status": {
      const value = plainText(raw);
      return value ? { ok: true, value } : err("text");
    }
  }
}

/** Comparison form of a stored value, so "4" and "4年" or spacing differences are not a "change". */
export function sameValue(field: RecordField, a: string, b: string): boolean {
  const norm = (v: string) => {
    const s = stripAllSpaces(toHalfWidth(v)).toUpperCase();
    return field === "duration" ? s.replace(/年$/, "") : s;
  };
  return norm(a) === norm(b);
}
