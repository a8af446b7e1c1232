import type { FormState } from "@/lib/core/form-state";

/** The answer for one row of the not-checked table (components/progress/RevealForms.tsx keeps each row's). */
export type RevealState = FormState<{ recordId: string; value: string }>;

/** A reveal action as the table's forms call it (the route passes its server actions in). */
export type RevealAction = (prev: RevealState, formData: FormData) => Promise<RevealState>;
