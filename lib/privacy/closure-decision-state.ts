import type { FormState } from "@/lib/core/form-state";

/** The answer to the registrar's decision on a 注销账号 request (components/privacy/ClosureDecisionForm.tsx). */
export type ClosureDecisionState = FormState<{ status: "approved" | "rejected" }>;

/** The decision action as the form calls it (the route passes its server action in). */
export type ClosureDecisionAction = (
  prev: ClosureDecisionState,
  formData: FormData,
) => Promise<ClosureDecisionState>;
