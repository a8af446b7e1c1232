"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, toFormState, type FormState } from "@/lib/core/form-state";
import { decideClosure } from "@/lib/privacy/closure";

const schema = z.object({
  requestId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  note: z.string().max(4000).optional(),
});

export type ClosureDecisionState = FormState<{ status: "approved" | "rejected" }>;

/** The registrar approves or refuses a 注销账号 request. */
export async function decideClosureAction(
  _prev: ClosureDecisionState,
  formData: FormData,
): Promise<ClosureDecisionState> {
  const actor = await requireStaff("accountClosure.decide");
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return formError(t, { error: { key: "privacy.closure.errors.notFound" } }, values);
  const result = await decideClosure(actor, parsed.data, await requestMeta());
  revalidatePath("/registrar/closures");
  return toFormState(t, result, values, (v) => ({ status: "success", data: { status: v.status } }));
}
