"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { createApiToken, revokeApiToken } from "@/lib/admin/api-tokens";

export type CreatedToken = { name: string; token: string };

export async function createApiTokenAction(
  _prev: FormState<CreatedToken>,
  formData: FormData,
): Promise<FormState<CreatedToken>> {
  const actor = await requireStaff("apiToken.manage");
  const t = await getTranslations();
  const input = {
    name: String(formData.get("name") ?? ""),
    role: String(formData.get("role") ?? ""),
    collegeIds: formData.getAll("collegeIds").map(String),
    expiresInDays: String(formData.get("expiresInDays") ?? ""),
    access: String(formData.get("access") ?? ""),
  };
  const result = await createApiToken(actor, input, await requestMeta());
  if (!result.ok)
    return formError(t, result, { ...formValues(formData), collegeIds: input.collegeIds.join(",") });
  revalidatePath("/admin/tokens");
  return { status: "success", data: { name: input.name.trim(), token: result.value.token } };
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const actor = await requireStaff("apiToken.manage");
  const id = z.string().min(1).max(40).safeParse(formData.get("id"));
  if (!id.success) return;
  await revokeApiToken(actor, id.data, await requestMeta());
  revalidatePath("/admin/tokens");
}
