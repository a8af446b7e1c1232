"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { formError, toFormState, type FormState } from "@/lib/core/form-state";
import { withdrawCorrection } from "@/lib/corrections/withdraw";

const schema = z.object({ requestId: z.string().min(1).max(40) });

/** The student withdraws their own, still unreviewed request. */
export async function withdrawAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStudent({ next: "/record" });
  const t = await getTranslations();
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return formError(t, { error: { key: "corrections.errors.invalid" } });
  const result = await withdrawCorrection(actor, parsed.data.requestId);
  revalidatePath(`/record/requests/${parsed.data.requestId}`);
  revalidatePath("/record");
  return toFormState(t, result, {}, () => ({ status: "success" }));
}
