"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { bulkState, type BulkState } from "@/lib/corrections/bulk-state";
import { parseBulkForm, parseDecisionForm } from "@/lib/corrections/decision-form";
import { bulkApprove, MAX_BULK, registrarDecide, type DecisionInput } from "@/lib/corrections/review";

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const decideForm = z.object({
  decision: z.custom<DecisionInput>((input) => input !== null),
  // 录取照片: the registrar's choice among the evidence, or an uploaded photo (at most 5 MB); else none
  photoEvidence: z.string().max(40).nullable().catch(null),
  photoUpload: z
    .instanceof(File)
    .refine((file) => file.size > 0 && file.size <= MAX_PHOTO_BYTES)
    .nullable()
    .catch(null),
});

/** 学籍管理科终审 (or the provincial decision) of one request, item by item; back to the queue. */
export const registrarDecideAction = staffAction(
  "correction.registrarReview",
  decideForm,
  async (actor, { decision, photoEvidence, photoUpload }) =>
    registrarDecide(actor, {
      ...decision,
      photo: {
        evidenceId: photoEvidence,
        upload: photoUpload ? Buffer.from(await photoUpload.arrayBuffer()) : null,
      },
    }),
  {
    invalid: "corrections.errors.invalid",
    // the items and their decisions are repeated fields
    read: (formData) => ({
      decision: parseDecisionForm(formData),
      photoEvidence: formData.get("photoEvidence"),
      photoUpload: formData.get("photoUpload"),
    }),
    revalidate: () => ["/registrar/corrections"],
    onOk: (outcome) => redirect(`/registrar/corrections?decided=${outcome.status}`),
  },
);

/** Bulk approval of the ticked requests (high-risk and provincial ones are skipped by the service). */
export const registrarBulkAction = staffAction(
  "correction.registrarReview",
  z.object({ ids: z.array(z.string()) }),
  (actor, input) => bulkApprove(actor, "registrar", input.ids),
  {
    invalid: "corrections.errors.invalid",
    read: (formData) => ({ ids: parseBulkForm(formData) }),
    echo: false,
    revalidate: () => ["/registrar/corrections"],
    onOk: (outcome, _input, { t }): BulkState => bulkState(t, outcome, MAX_BULK),
  },
);
