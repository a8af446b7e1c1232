import type { FormState } from "@/lib/core/form-state";

/** The answer to the registrar's decision on a 绑定学籍 request (components/corrections/BindingDecisionForm.tsx). */
export type BindingDecisionState = FormState<{ status: string }>;

/** The decision action as the form calls it (the route passes its server action in). */
export type BindingDecisionAction = (
  prev: BindingDecisionState,
  formData: FormData,
) => Promise<BindingDecisionState>;
