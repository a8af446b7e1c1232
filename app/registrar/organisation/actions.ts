"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { createUnit, deleteUnit, renameUnit } from "@/lib/roster-import/organisation";
import { mergeUnits } from "@/lib/roster-import/organisation-merge";

export async function renameUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const result = await renameUnit(actor, Object.fromEntries(formData));
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/registrar/organisation");
  return { status: "success" };
}

export async function createUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const result = await createUnit(actor, Object.fromEntries(formData));
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/registrar/organisation");
  return { status: "success" };
}

export async function deleteUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const result = await deleteUnit(actor, Object.fromEntries(formData));
  if (!result.ok) return formError(t, result);
  revalidatePath("/registrar/organisation");
  return { status: "success" };
}

export async function mergeUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  if (formData.get("confirm") !== "yes")
    return { status: "error", fieldErrors: { confirm: t("registrar.organisation.merge.errors.confirm") } };
  const expected = Number(formData.get("expectedRecords"));
  const result = await mergeUnits(
    actor,
    {
      kind: String(formData.get("kind") ?? ""),
      sourceId: String(formData.get("sourceId") ?? ""),
      targetId: String(formData.get("targetId") ?? ""),
    },
    Number.isSafeInteger(expected) ? expected : -1,
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result);
  revalidatePath("/registrar/organisation");
  redirect(`/registrar/organisation?merged=${encodeURIComponent(result.value.target.id)}`);
}
