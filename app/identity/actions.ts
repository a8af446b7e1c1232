"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { studentAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { text } from "@/lib/core/form-fields";
import { fieldFail } from "@/lib/core/result";
import { requestMeta } from "@/lib/core/request-meta";
import { formatDate } from "@/lib/i18n/format";
import { submitAccountChange } from "@/lib/identity-cases/account-change";
import { answerClassmateAssist, requestClassmateAssist } from "@/lib/identity-cases/classmate-assist";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { photoFields, readPhotoForm } from "@/lib/identity-cases/photos-intake";
import { submitRosterEvidence } from "@/lib/identity-cases/roster-evidence";
import { RESPONSE_WORKING_DAYS } from "@/lib/identity-cases/rules";
import { addWorkingDays } from "@/lib/identity-cases/working-days";
import { workingCalendar } from "@/lib/settings";

type State = FormState<IdentityFormData>;

const dueText = async () =>
  formatDate(addWorkingDays(new Date(), RESPONSE_WORKING_DAYS, await workingCalendar()));

const ip = async () => ({ ip: (await requestMeta()).ip });

/** A new case changes the identity pages (overview and sub-pages share the layout): drawn again. */
const submitted = (message: string): State => {
  revalidatePath("/identity", "layout");
  return { status: "success", data: { message } };
};

/** 手持身份证照片: both photos in one upload, which creates one case for support. */
export const uploadPhotosAction = studentAction(
  z.object(photoFields),
  async (actor, input) =>
    input.tooLarge ? fieldFail(input.tooLarge) : submitPhotoReview(actor, input.photos, await ip()),
  {
    allowPending: true,
    invalid: "identity.errors.invalid",
    echo: false,
    read: readPhotoForm,
    onOk: async (_v, _input, { t }): Promise<State> =>
      submitted(t("identity.photos.submitted", { due: await dueText() })),
  },
);

/** 同学协助: sends a request to a verified classmate of the same class. */
export const requestAssistAction = studentAction(
  z.object({ classmateName: text(60), classmatePhone: text(30), ownPhone: text(30) }),
  async (actor, input) => requestClassmateAssist(actor, input, await ip()),
  {
    allowPending: true,
    invalid: "identity.errors.invalid",
    onOk: (_v, input, { t }): State => ({
      ...submitted(t("identity.assist.sent", { name: input.classmateName.trim() })),
      values: { ownPhone: input.ownPhone },
    }),
  },
);

/**
 * 提供学籍信息: resolves at once when the details and the roster's 考生号 match (the overview then shows the
 * result); without a 考生号 in the roster the evidence waits for support.
 */
export const rosterEvidenceAction = studentAction(
  z.object({ studentNumber: text(40), enrolledOn: text(20), examNumber: text(40) }),
  async (actor, input) => submitRosterEvidence(actor, input, await ip()),
  {
    allowPending: true,
    invalid: "identity.errors.invalid",
    onOk: async (value, _input, { t }): Promise<State> => {
      if (value.outcome === "queued") return submitted(t("identity.roster.queued", { due: await dueText() }));
      // The account is verified now: the header's navigation (a shared layout) must be drawn again.
      revalidatePath("/", "layout");
      redirect("/identity?resolved=1");
    },
  },
);

/** The classmate's 是 / 否. */
export const answerAssistAction = studentAction(
  z.object({ assistId: z.string().min(1).max(40), answer: z.enum(["yes", "no"]) }),
  async (actor, input) => answerClassmateAssist(actor, input, await ip()),
  {
    invalid: "identity.errors.invalid",
    echo: false,
    revalidate: () => ["/inbox"],
    onOk: (value, _input, { t }): State => ({
      status: "success",
      data: {
        message: t(value.status === "accepted" ? "identity.answer.accepted" : "identity.answer.declined"),
      },
    }),
  },
);

/** 账号姓名 / 证件号码变更申请 with the two hand-held photos. */
export const accountChangeAction = studentAction(
  z.object({
    requestedName: text(60),
    requestedIdNumber: text(40),
    keepTraditional: z.string().optional(),
    ...photoFields,
  }),
  async (actor, input) =>
    input.tooLarge
      ? fieldFail(input.tooLarge)
      : submitAccountChange(
          actor,
          {
            requestedName: input.requestedName,
            requestedIdNumber: input.requestedIdNumber,
            keepTraditional: input.keepTraditional === "on",
            photos: input.photos,
          },
          await ip(),
        ),
  {
    invalid: "identity.errors.invalid",
    read: readPhotoForm,
    onOk: async (_v, _input, { t }): Promise<State> =>
      submitted(t("identity.change.submitted", { due: await dueText() })),
  },
);
