"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/core/request-meta";
import { decideClosure } from "@/lib/privacy/closure";
import type { ClosureDecisionState } from "@/lib/privacy/closure-decision-state";

const schema = z.object({
  requestId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  note: z.string().max(4000).optional(),
});

/** The registrar approves or refuses a 注销账号 request. */
export const decideClosureAction = staffAction(
  "accountClosure.decide",
  schema,
  async (actor, input) => decideClosure(actor, input, await requestMeta()),
  {
    invalid: "privacy.closure.errors.notFound",
    revalidate: () => ["/registrar/closures"],
    onOk: (v): ClosureDecisionState => ({ status: "success", data: { status: v.status } }),
  },
);
