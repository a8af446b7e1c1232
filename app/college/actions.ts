"use server";

import { after } from "next/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { ok, refuse, type Result } from "@/lib/core/result";
import { dashboardCampaign } from "@/lib/progress/campaign";
import { notCheckedFilterSchema } from "@/lib/progress/not-checked";
import { revealIdNumber, revealPhone } from "@/lib/progress/reveal";
import type { RevealState } from "@/lib/progress/reveal-state";
import type { RemindStep } from "@/lib/reminders/remind-step";
import { deliverReminders, previewReminder, remindNotConfirmed } from "@/lib/reminders/send";

const revealSchema = z.object({ recordId: z.string().min(1).max(40) });

/** The row the request was for, when its id is sane (an error is shown in that row). */
function rowOf(formData: FormData): Record<string, string> {
  const recordId = formData.get("recordId");
  return typeof recordId === "string" && recordId.length <= 40 ? { recordId } : {};
}

/** Full ID number of one record, on purpose (logged by the service before it answers). */
export const revealAction = staffAction(
  "idNumber.reveal",
  revealSchema,
  async (actor, { recordId }) => revealIdNumber(actor, recordId, (await requestMeta()).ip),
  {
    invalid: "progress.reveal.failed",
    echo: rowOf,
    onOk: (value, input): RevealState => ({
      status: "success",
      data: { recordId: input.recordId, value: value.idNumber },
    }),
  },
);

/** A student's phone number, on purpose (rate-limited and logged by the service before it answers). */
export const revealPhoneAction = staffAction(
  "phone.reveal",
  revealSchema,
  async (actor, { recordId }) => revealPhone(actor, recordId, (await requestMeta()).ip),
  {
    invalid: "progress.phone.failed",
    echo: rowOf,
    onOk: (value, input): RevealState => ({
      status: "success",
      data: { recordId: input.recordId, value: value.phone },
    }),
  },
);

const remindSchema = notCheckedFilterSchema.omit({ page: true }).extend({
  campaign: z.string().min(1).max(40),
  step: z.enum(["preview", "send", "cancel"]).catch("preview"),
});

/**
 * 发送提醒 in two steps under the list's current filters: "preview" answers how many will receive it and
 * the text they get (nothing written); "send" reminds (counts taken again, as the list may have moved);
 * SMS / e-mail go out after the response.
 */
export const remindAction = staffAction(
  "reminder.send",
  remindSchema,
  async (actor, { campaign: campaignId, step, ...filter }): Promise<Result<RemindStep>> => {
    if (step === "cancel") return ok({ step: "idle" });
    const campaign = await dashboardCampaign(campaignId);
    if (!campaign || campaign.id !== campaignId) return refuse("notFound", "progress.errors.notFound");
    if (step === "preview") {
      const preview = await previewReminder(actor, campaign, filter);
      return preview.ok ? ok({ step: "preview", preview: preview.value }) : preview;
    }
    const result = await remindNotConfirmed(actor, campaign, filter);
    if (!result.ok) return result;
    const { messages, report } = result.value;
    if (messages.length) after(() => deliverReminders(messages).then(() => undefined));
    return ok({ step: "sent", report });
  },
  {
    invalid: "progress.remind.failed",
    echo: false,
    // empty filters are left out, as the list's own links do
    read: (formData) =>
      Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string" && v !== "")),
    onOk: (value): FormState<RemindStep> => ({
      status: value.step === "idle" ? "idle" : "success",
      data: value,
    }),
  },
);
