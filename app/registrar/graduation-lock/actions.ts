"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import {
  confirmGraduationLock,
  previewGraduationLock,
  undoGraduationLock,
} from "@/lib/roster-import/graduation-lock";

/** Upload → the list of who would be locked (nothing locked yet). */
export async function graduationLockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("graduationLock.manage");
  const t = await getTranslations();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { status: "error", fieldErrors: { file: t("import.upload.required") } };
  const result = await previewGraduationLock(actor, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return {
      ...formError(t, result),
      fieldErrors: { file: result.error ? t(result.error.key, result.error.params) : "" },
    };
  redirect(`/registrar/graduation-lock/${result.value.jobId}`);
}

const confirmSchema = z.object({ jobId: z.string().min(1).max(40), confirm: z.literal("yes") });

async function confirmed(formData: FormData) {
  const t = await getTranslations();
  const parsed = confirmSchema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return { t, jobId: parsed.data.jobId, error: null };
  const missingBox = parsed.error.issues.some((i) => i.path[0] === "confirm");
  const error: FormState = missingBox
    ? { status: "error", fieldErrors: { confirm: t("import.graduation.errors.confirmRequired") } }
    : { status: "error", error: t("import.errors.notFound") };
  return { t, jobId: "", error };
}

export async function confirmGraduationLockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("graduationLock.manage");
  const { t, jobId, error } = await confirmed(formData);
  if (error) return error;
  const result = await confirmGraduationLock(actor, jobId);
  if (!result.ok) return formError(t, result);
  redirect(`/registrar/graduation-lock/${jobId}`);
}

export async function undoGraduationLockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("graduationLock.manage");
  const { t, jobId, error } = await confirmed(formData);
  if (error) return error;
  const result = await undoGraduationLock(actor, jobId);
  if (!result.ok) return formError(t, result);
  redirect(`/registrar/graduation-lock/${jobId}`);
}
