"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { bulkState, type BulkState } from "@/lib/corrections/bulk-state";
import { parseBulkForm, parseDecisionForm } from "@/lib/corrections/decision-form";
import { bulkApprove, MAX_BULK, collegeDecide, type DecisionInput } from "@/lib/corrections/review";

/** 学院初审 of one request, item by item (the form's per-item fields read by parseDecisionForm). */
export const collegeDecideAction = staffAction(
  "correction.collegeReview",
  z.custom<DecisionInput>((input) => input !== null),
  (actor, input) => collegeDecide(actor, input),
  {
    invalid: "corrections.errors.invalid",
    read: parseDecisionForm,
    revalidate: () => ["/college/corrections"],
    onOk: (value) => redirect(`/college/corrections?decided=${value.status}`),
  },
);

/** Bulk confirmation of the ticked requests (high-risk ones are skipped by the service). */
export const collegeBulkAction = staffAction(
  "correction.collegeReview",
  z.object({ ids: z.array(z.string()) }),
  (actor, input) => bulkApprove(actor, "college", input.ids),
  {
    invalid: "corrections.errors.invalid",
    echo: false,
    read: (formData) => ({ ids: parseBulkForm(formData) }),
    revalidate: () => ["/college/corrections"],
    onOk: (outcome, _input, { t }): BulkState => bulkState(t, outcome, MAX_BULK),
  },
);
