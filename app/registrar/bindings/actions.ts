"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { decideBinding } from "@/lib/records/binding";

const schema = z.object({
  bindingId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reason: z.string().max(2000).optional(),
});

/** The registrar confirms or refuses a 尝试绑定学籍 request. */
export const decideBindingAction = staffAction("recordBinding.decide", schema, decideBinding, {
  invalid: "corrections.errors.invalid",
  revalidate: () => ["/registrar/bindings"],
  onOk: (v): FormState<{ status: string }> => ({ status: "success", data: { status: v.status } }),
});
