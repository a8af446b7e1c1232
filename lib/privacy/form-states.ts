import type { FormAction, FormState } from "@/lib/core/form-state";

/** 注销账号 and its withdrawal on the account page: `at` tells the form a new answer came. */
export type ClosureData = { at: number };
export type ClosureFormState = FormState<ClosureData>;
export type ClosureAction = FormAction<ClosureData>;
