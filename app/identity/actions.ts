"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { formatDate } from "@/lib/i18n/format";
import { submitAccountChange } from "@/lib/identity-cases/account-change";
import { answerClassmateAssist, requestClassmateAssist } from "@/lib/identity-cases/classmate-assist";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { readPhotoFields } from "@/lib/identity-cases/photos-intake";
import { submitRosterEvidence } from "@/lib/identity-cases/roster-evidence";
import { RESPONSE_WORKING_DAYS } from "@/lib/identity-cases/rules";
import { addWorkingDays } from "@/lib/identity-cases/working-days";
import { workingCalendar } from "@/lib/settings";

export type IdentityFormData = { message?: string };
type State = FormState<IdentityFormData>;

const dueText = async () =>
  formatDate(addWorkingDays(new Date(), RESPONSE_WORKING_DAYS, await workingCalendar()));

/** 手持身份证照片: both photos in one upload, which creates one case for support. */
export async function uploadPhotosAction(_prev: State, formData: FormData): Promise<State> {
  const actor = await requireStudent({ allowPending: true });
  const t = await getTranslations();
  const { photos, tooLarge } = await readPhotoFields(formData);
  if (tooLarge) return formError(t, { fieldErrors: tooLarge });
  const result = await submitPhotoReview(actor, photos, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result);
  revalidatePath("/identity", "layout");
  return { status: "success", data: { message: t("identity.photos.submitted", { due: await dueText() }) } };
}

const assistSchema = z.object({
  classmateName: z.string().max(60).default(""),
  classmatePhone: z.string().max(30).default(""),
  ownPhone: z.string().max(30).default(""),
});

/** 同学协助: sends a request to a verified classmate of the same class. */
export async function requestAssistAction(_prev: State, formData: FormData): Promise<State> {
  const actor = await requireStudent({ allowPending: true });
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = assistSchema.safeParse(values);
  if (!parsed.success) return { status: "error", error: t("identity.errors.invalid"), values };
  const result = await requestClassmateAssist(actor, parsed.data, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/identity", "layout");
  return {
    status: "success",
    data: { message: t("identity.assist.sent", { name: parsed.data.classmateName.trim() }) },
    values: { ownPhone: parsed.data.ownPhone },
  };
}

const rosterSchema = z.object({
  studentNumber: z.string().max(40).default(""),
  enrolledOn: z.string().max(20).default(""),
  examNumber: z.string().max(40).default(""),
});

/**
 * 提供学籍信息: resolves at once when the details and the roster's 考生号 match (the overview then shows the
 * result); without a 考生号 in the roster the evidence waits for support.
 */
export async function rosterEvidenceAction(_prev: State, formData: FormData): Promise<State> {
  const actor = await requireStudent({ allowPending: true });
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = rosterSchema.safeParse(values);
  if (!parsed.success) return { status: "error", error: t("identity.errors.invalid"), values };
  const result = await submitRosterEvidence(actor, parsed.data, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result, values);
  if (result.value.outcome === "queued") {
    revalidatePath("/identity", "layout");
    return { status: "success", data: { message: t("identity.roster.queued", { due: await dueText() }) } };
  }
  // The account is verified now: the header's navigation (a shared layout) must be drawn again.
  revalidatePath("/", "layout");
  redirect("/identity?resolved=1");
}

const answerSchema = z.object({ assistId: z.string().min(1).max(40), answer: z.enum(["yes", "no"]) });

/** The classmate's 是 / 否. */
export async function answerAssistAction(_prev: State, formData: FormData): Promise<State> {
  const actor = await requireStudent();
  const t = await getTranslations();
  const parsed = answerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("identity.errors.invalid") };
  const result = await answerClassmateAssist(actor, parsed.data, { ip: (await requestMeta()).ip });
  if (!result.ok) return formError(t, result);
  revalidatePath("/inbox");
  const key = result.value.status === "accepted" ? "identity.answer.accepted" : "identity.answer.declined";
  return { status: "success", data: { message: t(key) } };
}

const changeSchema = z.object({
  requestedName: z.string().max(60).default(""),
  requestedIdNumber: z.string().max(40).default(""),
  keepTraditional: z.string().optional(),
});

/** 账号姓名 / 证件号码变更申请 with the two hand-held photos. */
export async function accountChangeAction(_prev: State, formData: FormData): Promise<State> {
  const actor = await requireStudent();
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = changeSchema.safeParse(values);
  if (!parsed.success) return { status: "error", error: t("identity.errors.invalid"), values };
  const { photos, tooLarge } = await readPhotoFields(formData);
  if (tooLarge) return formError(t, { fieldErrors: tooLarge }, values);
  const result = await submitAccountChange(
    actor,
    {
      requestedName: parsed.data.requestedName,
      requestedIdNumber: parsed.data.requestedIdNumber,
      keepTraditional: parsed.data.keepTraditional === "on",
      photos,
    },
    { ip: (await requestMeta()).ip },
  );
  if (!result.ok) return formError(t, result, values);
  revalidatePath("/identity", "layout");
  return { status: "success", data: { message: t("identity.change.submitted", { due: await dueText() }) } };
}
