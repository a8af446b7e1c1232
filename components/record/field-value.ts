import type { RecordField } from "@/lib/records/fields";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A field's value as the national record shows it (学制 "4" → "4 年"; empty → "(空)"). */
export function displayValue(t: Translate, field: RecordField | string, value: string): string {
  if (value.trim() === "") return t("empty");
  if (field === "duration" && /^\d+(\.\d+)?$/.test(value)) return t("durationValue", { years: value });
  return value;
}
