"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { localizeTimes } from "@/lib/accounts/messages";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestClosure, withdrawClosure } from "@/lib/privacy/closure";

export type ClosureFormState = FormState<{ at: number }>;

const student = () => requireStudent({ allowPending: true, next: "/account" });

const schema = z.object({
  reason: z.string().max(4000).default(""),
  currentPassword: z.string().max(1024).default(""),
  confirm: z.string().max(10).optional(),
});

/** 注销账号: reason, password and the confirmation box; the service decides everything else. */
export async function requestClosureAction(
  _prev: ClosureFormState,
  formData: FormData,
): Promise<ClosureFormState> {
  const actor = await student();
  const t = await getTranslations();
  const values = formValues(formData, ["currentPassword"]);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return formError(
      t,
      { fieldErrors: { reason: { key: "privacy.closure.errors.reasonTooLong", params: { max: 500 } } } },
      values,
    );
  }
  const result = await requestClosure(
    actor,
    {
      reason: parsed.data.reason,
      currentPassword: parsed.data.currentPassword,
      confirm: parsed.data.confirm === "on",
    },
    await requestMeta(),
  );
  if (!result.ok) return { ...formError(t, localizeTimes(result), values), data: { at: Date.now() } };
  revalidatePath("/account");
  return { status: "success", data: { at: Date.now() } };
}

export async function withdrawClosureAction(
  _prev: ClosureFormState,
  _formData: FormData,
): Promise<ClosureFormState> {
  const actor = await student();
  const t = await getTranslations();
  const result = await withdrawClosure(actor, await requestMeta());
  if (!result.ok) return formError(t, result);
  revalidatePath("/account");
  return { status: "success", data: { at: Date.now() } };
}
