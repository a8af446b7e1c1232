"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";

export type DecisionData = { message?: string };

const schema = z.object({
  caseId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reasonCode: z.string().max(40).optional(),
  note: z.string().max(1000).optional(),
  confirmCancel: z.string().max(2000).optional(),
});

/** Support approves or rejects one identity case (photo review or account change). */
export async function decideCaseAction(
  _prev: FormState<DecisionData>,
  formData: FormData,
): Promise<FormState<DecisionData>> {
  const actor = await requireStaff("identityCase.review");
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { status: "error", error: t("support.errors.invalid"), values };
  const result = await decideIdentityCase(actor, parsed.data, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/support");
  revalidatePath(`/support/cases/${parsed.data.caseId}`);
  const key = result.value.status === "approved" ? "support.case.approved" : "support.case.rejected";
  return { status: "success", data: { message: t(key) } };
}
