"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import {
  createStaff,
  resetStaffPassword,
  setStaffDisabled,
  updateStaffAccess,
} from "@/lib/admin/staff-accounts";
import { setStaffUnitLimit } from "@/lib/admin/staff-scope";

const id = z.string().min(1).max(40);

/** Checkbox groups arrive as repeated keys; the form echoes them back comma-joined. */
function accessInput(formData: FormData) {
  return {
    displayName: String(formData.get("displayName") ?? ""),
    roles: formData.getAll("roles").map(String),
    collegeIds: formData.getAll("collegeIds").map(String),
  };
}

function echo(formData: FormData) {
  return {
    ...formValues(formData, ["password"]),
    roles: formData.getAll("roles").map(String).join(","),
    collegeIds: formData.getAll("collegeIds").map(String).join(","),
  };
}

export type CreatedStaff = { username: string; initialPassword: string | null };

export async function createStaffAction(
  _prev: FormState<CreatedStaff>,
  formData: FormData,
): Promise<FormState<CreatedStaff>> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const result = await createStaff(
    actor,
    {
      ...accessInput(formData),
      username: String(formData.get("username") ?? ""),
      password: String(formData.get("password") ?? ""),
    },
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result, echo(formData));
  revalidatePath("/admin/staff");
  return {
    status: "success",
    data: { username: result.value.username, initialPassword: result.value.initialPassword },
  };
}

export async function updateStaffAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState<{ sessionsEnded: boolean }>> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const staffId = id.safeParse(formData.get("id"));
  if (!staffId.success) return { status: "error", error: t("admin.errors.notFound") };
  const result = await updateStaffAccess(actor, staffId.data, accessInput(formData), await requestMeta());
  if (!result.ok) return formError(t, result, echo(formData));
  revalidatePath(`/admin/staff/${staffId.data}`);
  revalidatePath("/admin/staff");
  return { status: "success", data: result.value };
}

export async function setStaffDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const staffId = id.safeParse(formData.get("id"));
  if (!staffId.success) return { status: "error", error: t("admin.errors.notFound") };
  const disabled = formData.get("disabled") === "1";
  const result = await setStaffDisabled(actor, staffId.data, disabled, await requestMeta());
  if (!result.ok) return formError(t, result);
  revalidatePath(`/admin/staff/${staffId.data}`);
  revalidatePath("/admin/staff");
  return { status: "success" };
}

export async function resetStaffPasswordAction(
  _prev: FormState<{ initialPassword: string | null }>,
  formData: FormData,
): Promise<FormState<{ initialPassword: string | null }>> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const staffId = id.safeParse(formData.get("id"));
  if (!staffId.success) return { status: "error", error: t("admin.errors.notFound") };
  const result = await resetStaffPassword(
    actor,
    staffId.data,
    { password: String(formData.get("password") ?? "") },
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result);
  revalidatePath(`/admin/staff/${staffId.data}`);
  return { status: "success", data: result.value };
}

export async function setStaffScopeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const staffId = id.safeParse(formData.get("id"));
  if (!staffId.success) return { status: "error", error: t("admin.errors.notFound") };
  const input = {
    collegeId: String(formData.get("collegeId") ?? ""),
    mode: String(formData.get("mode") ?? ""),
    classGroupIds: formData.getAll("classGroupIds").map(String),
    cohort: String(formData.get("cohort") ?? ""),
  };
  const result = await setStaffUnitLimit(actor, staffId.data, input, await requestMeta());
  if (!result.ok)
    return formError(t, result, {
      mode: input.mode,
      cohort: input.cohort,
      classGroupIds: input.classGroupIds.join(","),
    });
  revalidatePath(`/admin/staff/${staffId.data}`);
  return { status: "success" };
}
