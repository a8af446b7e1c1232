"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { parseBulkForm, parseDecisionForm } from "@/lib/corrections/decision-form";
import { bulkApprove, MAX_BULK, registrarDecide } from "@/lib/corrections/review";
import type { BulkResult } from "@/components/corrections/BulkForm";

/** 学籍管理科终审 (or the provincial decision) of one request, item by item. */
export async function registrarDecideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("correction.registrarReview");
  const t = await getTranslations();
  const values = formValues(formData);
  const input = parseDecisionForm(formData);
  if (!input) return formError(t, { error: { key: "corrections.errors.invalid" } }, values);
  // 录取照片: the registrar's choice among the evidence, or an uploaded photo (at most 5 MB)
  const upload = formData.get("photoUpload");
  const evidenceId = formData.get("photoEvidence");
  input.photo = {
    evidenceId: typeof evidenceId === "string" && evidenceId.length <= 40 ? evidenceId : null,
    upload:
      upload && typeof upload !== "string" && upload.size > 0 && upload.size <= 5 * 1024 * 1024
        ? Buffer.from(await upload.arrayBuffer())
        : null,
  };
  const result = await registrarDecide(actor, input);
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/registrar/corrections");
  redirect(`/registrar/corrections?decided=${result.value.status}`);
}

/** Bulk approval of the ticked requests (high-risk and provincial ones are skipped by the service). */
export async function registrarBulkAction(
  _prev: FormState<BulkResult>,
  formData: FormData,
): Promise<FormState<BulkResult>> {
  const actor = await requireStaff("correction.registrarReview");
  const t = await getTranslations();
  const result = await bulkApprove(actor, "registrar", parseBulkForm(formData));
  if (!result.ok) return formError(t, result);
  revalidatePath("/registrar/corrections");
  return {
    status: "success",
    data: {
      decided: result.value.decided.length,
      skipped: result.value.skipped.map((s) => ({
        id: s.id,
        reason: t(s.key, { max: MAX_BULK, ...s.params }),
      })),
    },
  };
}
