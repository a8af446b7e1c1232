"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { formError, formValues, toFormState, type FormState } from "@/lib/core/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import { requestBinding } from "@/lib/records/binding";
import { confirmRecord } from "@/lib/records/self-check";

const confirmSchema = z.object({
  recordId: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
});

/** 确认无误: the form posts the record id and the version it displayed. */
export async function confirmAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState<{ confirmedAt: string }>> {
  const actor = await requireStudent({ next: "/record" });
  const t = await getTranslations();
  const parsed = confirmSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("record.errors.invalid") };
  const result = await confirmRecord(actor, parsed.data);
  revalidatePath("/record");
  return toFormState(t, result, {}, (value) => ({
    status: "success",
    data: { confirmedAt: formatDateTime(value.confirmedAt) },
  }));
}

const bindingSchema = z.object({
  studentNumber: z.string().max(64),
  name: z.string().max(100),
  idNumber: z.string().max(64),
});

/** 尝试绑定学籍: 学号 + 姓名 + 证件号码. */
export async function bindingAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState<{ outcome: "linked" | "pending" }>> {
  const actor = await requireStudent({ next: "/record" });
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = bindingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return formError(t, { error: { key: "record.errors.invalid" } }, values);
  const result = await requestBinding(actor, parsed.data);
  if (result.ok) revalidatePath("/record");
  return toFormState(t, result, values, (value) => ({ status: "success", data: { outcome: value.status } }));
}
