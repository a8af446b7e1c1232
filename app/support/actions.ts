"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import type { CaseSearchData, DecisionData } from "@/lib/identity-cases/support-forms";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { searchSupportCases } from "@/lib/identity-cases/support-queue";
import { ok } from "@/lib/core/result";

const schema = z.object({
  caseId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reasonCode: z.string().max(40).optional(),
  note: z.string().max(1000).optional(),
  confirmCancel: z.string().max(2000).optional(),
});

/** Support approves or rejects one identity case (photo review or account change). */
export const decideCaseAction = staffAction(
  "identityCase.review",
  schema,
  async (actor, input) => decideIdentityCase(actor, input, { ip: (await requestMeta()).ip }),
  {
    invalid: "support.errors.invalid",
    revalidate: (input) => ["/support", `/support/cases/${input.caseId}`],
    onOk: (value, _input, { t }): FormState<DecisionData> => ({
      status: "success",
      data: { message: t(value.status === "approved" ? "support.case.approved" : "support.case.rejected") },
    }),
  },
);

const searchSchema = z.object({
  q: z.string().trim().max(50).default(""),
  status: z.string().max(20).default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * 查询工单 as a form post, not a query string: an ID number or phone number typed here must not end up in
 * URLs, browser history or access logs (nor is it echoed back as a typed value).
 */
export const searchCasesAction = staffAction(
  "identityCase.review",
  searchSchema,
  async (actor, input) =>
    ok({ ...(await searchSupportCases(actor, input)), q: input.q, status: input.status }),
  {
    invalid: { fields: {}, fallback: "support.errors.invalid" },
    echo: false,
    onOk: (value): FormState<CaseSearchData> => ({ status: "success", data: value }),
  },
);
