import type { RecordField } from "@/lib/records/fields";

/** The "record" catalogue's translator; `has` tells a known enumeration value from free text. */
type Translate = {
  (key: string, params?: Record<string, string | number>): string;
  has?: (key: string) => boolean;
};

/** Fields whose values come from a fixed list the catalogue translates (record.values.<field>.<value>). */
const ENUMERATED = new Set<string>([
  "gender",
  "ethnicity",
  "level",
  "educationCategory",
  "studyMode",
  "status",
]);

/**
 * A field's value as the national record shows it (学制 "4" → "4 年"; empty → "(空)"), with the values of a
 * fixed list (性别, 民族, 层次, 学历类别, 学习形式, 学籍状态) in the reader's language. A value the catalogue
 * does not know is shown as stored.
 */
export function displayValue(t: Translate, field: RecordField | string, value: string): string {
  if (field === "admissionPhoto") return photoLabel(t, value);
  if (value.trim() === "") return t("empty");
  if (field === "duration" && /^\d+(\.\d+)?$/.test(value))
    return t("durationValue", { years: Number(value) });
  if (ENUMERATED.has(field)) return enumLabel(t, field, value);
  return value;
}

/** The translated label of one value of a fixed list (an <option>'s text), or the value itself. */
export function enumLabel(t: Translate, field: string, value: string): string {
  const key = `values.${field}.${value.trim()}`;
  return t.has?.(key) ? t(key) : value;
}

/** 录取照片 items and history rows name files, never shown: say which photo it is instead. */
function photoLabel(t: Translate, value: string): string {
  if (value.startsWith("photo:before:")) return t("photo.before");
  if (value.startsWith("photo:after:")) return t("photo.after");
  if (value === "photo:evidence") return t("photo.requested");
  return t("photo.current");
}
