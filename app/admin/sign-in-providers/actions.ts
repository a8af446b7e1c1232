"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { testProviderConnection, type ConnectionCheck } from "@/lib/external-sign-in/connection-test";
import { createProvider, deleteProvider, updateProvider } from "@/lib/external-sign-in/providers";
import { linkStaff, unlinkStaff } from "@/lib/external-sign-in/staff-links";

const id = z.string().min(1).max(40);

function providerInput(formData: FormData) {
  const get = (k: string) => String(formData.get(k) ?? "");
  return {
    slug: get("slug"),
    nameZh: get("nameZh"),
    nameEn: get("nameEn"),
    issuer: get("issuer"),
    clientId: get("clientId"),
    audience: get("audience"),
    staffClaim: get("staffClaim"),
    staffPasswordDisabled: get("staffPasswordDisabled"),
    enabled: get("enabled"),
  };
}

/** Adds a provider (then opens its page, which shows the redirect URI to register) or saves changes. */
export async function saveProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const existing = id.safeParse(formData.get("id"));
  const meta = await requestMeta();
  const result = existing.success
    ? await updateProvider(actor, existing.data, providerInput(formData), meta)
    : await createProvider(actor, providerInput(formData), meta);
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/admin/sign-in-providers");
  if (!existing.success) redirect(`/admin/sign-in-providers/${result.value.id}?created=1`);
  return { status: "success" };
}

export type ConnectionReport = { ok: boolean; lines: { ok: boolean; text: string }[] };

/** 测试连接: discovery and JWKS, reported line by line in the admin's language. */
export async function testConnectionAction(
  _prev: FormState<ConnectionReport>,
  formData: FormData,
): Promise<FormState<ConnectionReport>> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const providerId = id.safeParse(formData.get("id"));
  if (!providerId.success) return { status: "error", error: t("sso.admin.errors.notFound") };
  const result = await testProviderConnection(actor, providerId.data);
  if (!result.ok) return formError(t, result);
  const lines = result.value.checks.map((c: ConnectionCheck) => ({
    ok: c.ok,
    text: t(`sso.test.${c.key}`, c.params),
  }));
  return { status: result.value.ok ? "success" : "error", data: { ok: result.value.ok, lines } };
}

export async function deleteProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const providerId = id.safeParse(formData.get("id"));
  if (!providerId.success) return { status: "error", error: t("sso.admin.errors.notFound") };
  if (formData.get("confirm") !== "on")
    return { status: "error", fieldErrors: { confirm: t("sso.admin.errors.confirm") } };
  const result = await deleteProvider(actor, providerId.data, await requestMeta());
  if (!result.ok) return formError(t, result);
  revalidatePath("/admin/sign-in-providers");
  redirect("/admin/sign-in-providers?deleted=1");
}

/** /admin/staff/[id]: links a staff account to a provider by subject or by the mapped claim's value. */
export async function linkStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const staffUserId = id.safeParse(formData.get("staffUserId"));
  if (!staffUserId.success) return { status: "error", error: t("admin.errors.notFound") };
  const result = await linkStaff(
    actor,
    staffUserId.data,
    {
      providerId: String(formData.get("providerId") ?? ""),
      subject: String(formData.get("subject") ?? ""),
      claimValue: String(formData.get("claimValue") ?? ""),
    },
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath(`/admin/staff/${staffUserId.data}`);
  return { status: "success" };
}

export async function unlinkStaffAction(formData: FormData): Promise<void> {
  const actor = await requireStaff("staff.manage");
  const staffUserId = id.safeParse(formData.get("staffUserId"));
  const linkId = id.safeParse(formData.get("linkId"));
  if (staffUserId.success && linkId.success)
    await unlinkStaff(actor, staffUserId.data, linkId.data, await requestMeta());
  revalidatePath(staffUserId.success ? `/admin/staff/${staffUserId.data}` : "/admin/staff");
}
