"use server";

import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { dashboardCampaign } from "@/lib/progress/campaign";
import { notCheckedFilterSchema } from "@/lib/progress/not-checked";
import { revealIdNumber, revealPhone } from "@/lib/progress/reveal";
import type { RevealState } from "@/lib/progress/reveal-state";
import {
  deliverReminders,
  previewReminder,
  remindNotConfirmed,
  type ReminderPreview,
  type ReminderReport,
} from "@/lib/reminders/send";

const revealSchema = z.object({ recordId: z.string().min(1).max(40) });

/** The row the request was for, when its id is sane (an error is shown in that row). */
function rowOf(formData: FormData): { recordId: string } | undefined {
  const recordId = formData.get("recordId");
  return typeof recordId === "string" && recordId.length <= 40 ? { recordId } : undefined;
}

/** Full ID number of one record, on purpose (logged by the service before it answers). */
export async function revealAction(_prev: RevealState, formData: FormData): Promise<RevealState> {
  const actor = await requireStaff("idNumber.reveal");
  const t = await getTranslations();
  const parsed = revealSchema.safeParse({ recordId: formData.get("recordId") });
  if (!parsed.success)
    return { status: "error", error: t("progress.reveal.failed"), values: rowOf(formData) };
  const { recordId } = parsed.data;
  const result = await revealIdNumber(actor, recordId, (await requestMeta()).ip);
  if (!result.ok) return formError(t, result, { recordId });
  return { status: "success", data: { recordId, value: result.value.idNumber } };
}

/** A student's phone number, on purpose (rate-limited and logged by the service before it answers). */
export async function revealPhoneAction(_prev: RevealState, formData: FormData): Promise<RevealState> {
  const actor = await requireStaff("phone.reveal");
  const t = await getTranslations();
  const parsed = revealSchema.safeParse({ recordId: formData.get("recordId") });
  if (!parsed.success) return { status: "error", error: t("progress.phone.failed"), values: rowOf(formData) };
  const { recordId } = parsed.data;
  const result = await revealPhone(actor, recordId, (await requestMeta()).ip);
  if (!result.ok) return formError(t, result, { recordId });
  return { status: "success", data: { recordId, value: result.value.phone } };
}

const remindSchema = notCheckedFilterSchema.omit({ page: true }).extend({
  campaign: z.string().min(1).max(40),
  step: z.enum(["preview", "send", "cancel"]).catch("preview"),
});

export type RemindStep =
  { step: "idle" } | { step: "preview"; preview: ReminderPreview } | { step: "sent"; report: ReminderReport };

/**
 * 发送提醒 in two steps under the list's current filters: "preview" answers how many will receive it and
 * the text they get (nothing written); "send" reminds (counts taken again, as the list may have moved);
 * SMS / e-mail go out after the response.
 */
export async function remindAction(
  _prev: FormState<RemindStep>,
  formData: FormData,
): Promise<FormState<RemindStep>> {
  const actor = await requireStaff("reminder.send");
  const t = await getTranslations();
  const raw = Object.fromEntries(
    [...formData.entries()].filter(([, v]) => typeof v === "string" && v !== ""),
  );
  const parsed = remindSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", error: t("progress.remind.failed") };
  const { campaign: campaignId, step, ...filter } = parsed.data;
  if (step === "cancel") return { status: "idle", data: { step: "idle" } };
  const campaign = await dashboardCampaign(campaignId);
  if (!campaign || campaign.id !== campaignId)
    return { status: "error", error: t("progress.errors.notFound") };
  if (step === "preview") {
    const preview = await previewReminder(actor, campaign, filter);
    if (!preview.ok) return formError(t, preview);
    return { status: "success", data: { step: "preview", preview: preview.value } };
  }
  const result = await remindNotConfirmed(actor, campaign, filter);
  if (!result.ok) return formError(t, result);
  const { messages, report } = result.value;
  if (messages.length) after(() => deliverReminders(messages).then(() => undefined));
  return { status: "success", data: { step: "sent", report } };
}
