"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, toFormState, type FormState } from "@/lib/core/form-state";
import { decideBinding } from "@/lib/records/binding";

const schema = z.object({
  bindingId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reason: z.string().max(2000).optional(),
});

/** The registrar confirms or refuses a 尝试绑定学籍 request. */
export async function decideBindingAction(
  _prev: FormState<{ status: string }>,
  formData: FormData,
): Promise<FormState<{ status: string }>> {
  const actor = await requireStaff("recordBinding.decide");
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return formError(t, { error: { key: "corrections.errors.invalid" } }, values);
  const result = await decideBinding(actor, parsed.data);
  revalidatePath("/registrar/bindings");
  return toFormState(t, result, values, (v) => ({ status: "success", data: { status: v.status } }));
}
