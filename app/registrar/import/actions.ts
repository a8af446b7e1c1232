"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import { decideConflict } from "@/lib/roster-import/decide";
import { discardImport } from "@/lib/roster-import/discard";
import { runCommit, startCommit } from "@/lib/roster-import/jobs";

const jobSchema = z.object({ jobId: z.string().min(1).max(40) });

export async function commitRosterAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const parsed = jobSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("import.errors.notFound") };
  const result = await startCommit(actor, parsed.data.jobId);
  if (!result.ok) return formError(t, result);
  after(() => runCommit(parsed.data.jobId, actor));
  redirect(`/registrar/import/${parsed.data.jobId}`);
}

const decideSchema = z.object({
  jobId: z.string().min(1).max(40),
  issueId: z.string().min(1).max(40),
  decision: z.enum(["keep", "take"]),
});

export async function decideConflictAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const parsed = decideSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("import.errors.notFound") };
  const result = await decideConflict(actor, parsed.data);
  if (!result.ok) return formError(t, result);
  revalidatePath(`/registrar/import/${parsed.data.jobId}`);
  return { status: "success" };
}

const discardSchema = z.object({ jobId: z.string().min(1).max(40), confirm: z.literal("yes") });

/** Sets a stale preview aside (roster or graduation lock); back to its page, now marked discarded. */
export async function discardImportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const t = await getTranslations();
  const parsed = discardSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return parsed.error.issues.some((i) => i.path[0] === "confirm")
      ? { status: "error", fieldErrors: { confirm: t("import.discard.confirmRequired") } }
      : { status: "error", error: t("import.errors.notFound") };
  const result = await discardImport(actor, parsed.data.jobId);
  if (!result.ok) return formError(t, result);
  redirect(
    result.value.kind === "graduation_lock"
      ? `/registrar/graduation-lock/${parsed.data.jobId}`
      : `/registrar/import/${parsed.data.jobId}`,
  );
}
