import type { FormAction } from "@/lib/core/form-state";

/**
 * The record page's two student forms (app/record/actions.ts), as the panels under components/record
 * receive them from the page.
 */
export type ConfirmData = { confirmedAt: string };
export type BindingData = { outcome: "linked" | "pending" };
export type ConfirmRecordAction = FormAction<ConfirmData>;
export type BindingRequestAction = FormAction<BindingData>;
