"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { renameUnit } from "@/lib/roster-import/organisation";

export async function renameUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const result = await renameUnit(actor, Object.fromEntries(formData));
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/registrar/organisation");
  return { status: "success" };
}
