"use server";

import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import { lockGraduationFromFile, type LockReport } from "@/lib/roster-import/graduation-lock";

export async function graduationLockAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState<LockReport>> {
  const actor = await requireStaff("graduationLock.manage");
  const t = await getTranslations();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { status: "error", fieldErrors: { file: t("import.upload.required") } };
  const result = await lockGraduationFromFile(actor, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return {
      ...formError(t, result),
      fieldErrors: { file: result.error ? t(result.error.key, result.error.params) : "" },
    };
  return { status: "success", data: result.value };
}
