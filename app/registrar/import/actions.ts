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
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";

/** Upload → job (stored privately) → preview runs after the response; the job page polls its progress. */
export async function uploadRosterAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { status: "error", fieldErrors: { file: t("import.upload.required") } };
  const result = await createRosterImport(actor, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return {
      ...formError(t, result),
      fieldErrors: { file: result.error ? t(result.error.key, result.error.params) : "" },
    };
  const { jobId } = result.value;
  after(() => runPreview(jobId));
  redirect(`/registrar/import/${jobId}`);
}

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
