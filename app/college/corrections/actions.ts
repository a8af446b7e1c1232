"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { parseBulkForm, parseDecisionForm } from "@/lib/corrections/decision-form";
import { bulkApprove, MAX_BULK, collegeDecide } from "@/lib/corrections/review";
import type { BulkResult } from "@/components/corrections/BulkForm";

/** 学院初审 of one request, item by item. */
export async function collegeDecideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("correction.collegeReview");
  const t = await getTranslations();
  const values = formValues(formData);
  const input = parseDecisionForm(formData);
  if (!input) return formError(t, { error: { key: "corrections.errors.invalid" } }, values);
  const result = await collegeDecide(actor, input);
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/college/corrections");
  redirect(`/college/corrections?decided=${result.value.status}`);
}

/** Bulk confirmation of the ticked requests (high-risk ones are skipped by the service). */
export async function collegeBulkAction(
  _prev: FormState<BulkResult>,
  formData: FormData,
): Promise<FormState<BulkResult>> {
  const actor = await requireStaff("correction.collegeReview");
  const t = await getTranslations();
  const result = await bulkApprove(actor, "college", parseBulkForm(formData));
  if (!result.ok) return formError(t, result);
  revalidatePath("/college/corrections");
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
