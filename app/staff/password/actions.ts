"use server";

import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { changeOwnPassword } from "@/lib/staff/change-password";

export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff(undefined, { allowPasswordChange: true });
  const t = await getTranslations();
  const result = await changeOwnPassword(
    actor,
    {
      currentPassword: String(formData.get("currentPassword") ?? ""),
      newPassword: String(formData.get("newPassword") ?? ""),
      confirmPassword: String(formData.get("confirmPassword") ?? ""),
    },
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result);
  return { status: "success" };
}
