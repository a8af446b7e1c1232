"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { studentAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { isCorrectionField, isRecordField } from "@/lib/records/fields";
import { submitCorrection } from "@/lib/corrections/submit";
import { chosenFiles } from "@/lib/uploads/file-slot";

const schema = z.object({
  recordId: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
  fields: z.array(z.string().max(40)).max(20),
  /** each ticked field's `value.<field>` and `reason.<field>` (cut at 1000 characters) */
  texts: z.record(z.string(), z.string()),
  files: z.array(z.instanceof(File)),
});

const ticked = (formData: FormData) =>
  formData.getAll("fields").filter((v): v is string => typeof v === "string");

/** The form's ticked fields repeat and its evidence files come as files: read them as the schema wants. */
function read(formData: FormData): z.input<typeof schema> {
  const texts: Record<string, string> = {};
  for (const [key, v] of formData.entries()) if (typeof v === "string") texts[key] = v.slice(0, 1000);
  return {
    recordId: String(formData.get("recordId") ?? ""),
    version: String(formData.get("version") ?? ""),
    fields: ticked(formData),
    texts,
    files: chosenFiles(formData, "evidence").slice(0, 10),
  };
}

/** 信息有误: the ticked fields with their correct value and reason, plus the evidence files. */
export const submitCorrectionAction = studentAction(
  schema,
  (actor, input) =>
    submitCorrection(actor, {
      recordId: input.recordId,
      recordVersion: input.version,
      items: input.fields.map((field) => ({
        field,
        value: isRecordField(field) ? (input.texts[`value.${field}`] ?? "") : "",
        reason: isCorrectionField(field) ? (input.texts[`reason.${field}`] ?? "") : "",
      })),
      files: input.files,
    }),
  {
    next: "/record",
    invalid: "corrections.errors.invalid",
    read,
    onOk: (value) => redirect(`/record/requests/${value.requestId}?submitted=1`),
    // The ticked boxes come back as one list, so the form ticks them again.
    onFail: (state, _failure, { formData }): FormState => ({
      ...state,
      values: { ...state.values, fields: ticked(formData).join(",") },
    }),
  },
);
