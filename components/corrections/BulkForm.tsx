"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/core/form-state";
import type { BulkAction, BulkResult } from "@/lib/corrections/bulk-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/**
 * The queue table inside one form: tick rows (checkboxes name="ids"), then one bulk action. The result
 * says how many were decided and which were skipped and why (high-risk fields, provincial decisions).
 */
export function BulkForm({
  action,
  buttonLabel,
  labels,
  children,
}: {
  action: BulkAction;
  buttonLabel: string;
  /** request id → "name (学号)" for the skipped list */
  labels: Record<string, string>;
  children: ReactNode;
}) {
  const t = useTranslations("corrections");
  const [state, formAction, pending] = useActionState<FormState<BulkResult>, FormData>(action, {
    status: "idle",
  });
  const form = useRef<HTMLFormElement>(null);
  const toggleAll = (checked: boolean) => {
    form.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => {
      box.checked = checked;
    });
  };
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <FormAlert state={state} />
      {state.status === "success" && state.data ? (
        <Alert
          tone={state.data.skipped.length ? "warning" : "success"}
          title={t("bulk.done", { count: state.data.decided })}
        >
          {state.data.skipped.length ? (
            <>
              <p>{t("bulk.skippedTitle", { count: state.data.skipped.length })}</p>
              <ul className="mt-1 list-disc pl-5">
                {state.data.skipped.map((s) => (
                  <li key={s.id}>
                    {labels[s.id] ?? s.id}: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-700"
            onChange={(e) => toggleAll(e.target.checked)}
          />
          {t("queue.selectAll")}
        </label>
        <Button type="submit" disabled={pending}>
          {buttonLabel}
        </Button>
        <p className="basis-full text-xs text-slate-600">{t("bulk.hint")}</p>
      </div>
      {children}
    </form>
  );
}
