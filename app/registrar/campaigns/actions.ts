"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { createCampaign, deleteCampaign, updateCampaign } from "@/lib/campaigns/manage";

const idSchema = z.object({ id: z.string().min(1).max(40) });

export async function saveCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("campaign.manage");
  const t = await getTranslations();
  const values = formValues(formData);
  const input = Object.fromEntries(formData);
  const id = typeof input.id === "string" && input.id ? input.id : null;
  const result = id ? await updateCampaign(actor, id, input) : await createCampaign(actor, input);
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/registrar/campaigns");
  if (id) redirect("/registrar/campaigns?saved=1");
  return { status: "success", error: undefined, data: { message: t("registrar.campaigns.created") } };
}

export async function deleteCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("campaign.manage");
  const t = await getTranslations();
  const parsed = idSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("registrar.campaigns.errors.notFound") };
  const result = await deleteCampaign(actor, parsed.data.id);
  if (!result.ok) return formError(t, result);
  revalidatePath("/registrar/campaigns");
  return { status: "success" };
}
