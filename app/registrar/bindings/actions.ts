"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { decideBinding } from "@/lib/records/binding";
import type { BindingDecisionState } from "@/lib/records/binding-decision-state";

const schema = z.object({
  bindingId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reason: z.string().max(2000).optional(),
});

/** The registrar confirms or refuses a 尝试绑定学籍 request. */
export const decideBindingAction = staffAction("recordBinding.decide", schema, decideBinding, {
  invalid: "corrections.errors.invalid",
  revalidate: () => ["/registrar/bindings"],
  onOk: (v): BindingDecisionState => ({ status: "success", data: { status: v.status } }),
});
