"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { searchSupportCases } from "@/lib/identity-cases/support-queue";

export type DecisionData = { message?: string };

const schema = z.object({
  caseId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reasonCode: z.string().max(40).optional(),
  note: z.string().max(1000).optional(),
  confirmCancel: z.string().max(2000).optional(),
});

/** Support approves or rejects one identity case (photo review or account change). */
export async function decideCaseAction(
  _prev: FormState<DecisionData>,
  formData: FormData,
): Promise<FormState<DecisionData>> {
  const actor = await requireStaff("identityCase.review");
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { status: "error", error: t("support.errors.invalid"), values };
  const result = await decideIdentityCase(actor, parsed.data, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/support");
  revalidatePath(`/support/cases/${parsed.data.caseId}`);
  const key = result.value.status === "approved" ? "support.case.approved" : "support.case.rejected";
  return { status: "success", data: { message: t(key) } };
}

const searchSchema = z.object({
  q: z.string().trim().max(50).default(""),
  status: z.string().max(20).default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type CaseSearchData = Awaited<ReturnType<typeof searchSupportCases>> & { q: string; status: string };

/**
 * 查询工单 as a form post, not a query string: an ID number or phone number typed here must not end up in
 * URLs, browser history or access logs.
 */
export async function searchCasesAction(
  _prev: FormState<CaseSearchData>,
  formData: FormData,
): Promise<FormState<CaseSearchData>> {
  const actor = await requireStaff("identityCase.review");
  const parsed = searchSchema.safeParse({
    q: formData.get("q") ?? "",
    status: formData.get("status") ?? "",
    page: formData.get("page") ?? 1,
  });
  if (!parsed.success) return { status: "error" };
  const found = await searchSupportCases(actor, parsed.data);
  return { status: "success", data: { ...found, q: parsed.data.q, status: parsed.data.status } };
}
