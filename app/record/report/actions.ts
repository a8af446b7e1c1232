"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { isCorrectionField, isRecordField } from "@/lib/records/fields";
import { submitCorrection } from "@/lib/corrections/submit";
import { chosenFiles } from "@/lib/uploads/file-slot";

const schema = z.object({
  recordId: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
  fields: z.array(z.string().max(40)).max(20),
});

/** 信息有误: the ticked fields with their correct value and reason, plus the evidence files. */
export async function submitCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStudent({ next: "/record" });
  const t = await getTranslations();
  const fields = formData.getAll("fields").filter((v): v is string => typeof v === "string");
  const values = { ...formValues(formData), fields: fields.join(",") };
  const parsed = schema.safeParse({
    recordId: formData.get("recordId"),
    version: formData.get("version"),
    fields,
  });
  if (!parsed.success) return formError(t, { error: { key: "corrections.errors.invalid" } }, values);
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v.slice(0, 1000) : "";
  };
  const result = await submitCorrection(actor, {
    recordId: parsed.data.recordId,
    recordVersion: parsed.data.version,
    items: parsed.data.fields.map((field) => ({
      field,
      value: isRecordField(field) ? text(`value.${field}`) : "",
      reason: isCorrectionField(field) ? text(`reason.${field}`) : "",
    })),
    files: chosenFiles(formData, "evidence").slice(0, 10),
  });
  if (!result.ok) return formError(t, result, values);
  redirect(`/record/requests/${result.value.requestId}?submitted=1`);
}
