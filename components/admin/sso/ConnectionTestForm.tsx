"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ConnectionReport } from "@/lib/external-sign-in/connection-report";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/** 测试连接: the report says, line by line, what works and what to fix. */
export function ConnectionTestForm({ id, action }: { id: string; action: FormAction<ConnectionReport> }) {
  const t = useTranslations("sso.admin");
  const [state, formAction, pending] = useActionState<FormState<ConnectionReport>, FormData>(action, {
    status: "idle",
  });
  const report = state.data;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("testing") : t("test")}
      </Button>
      <FormAlert state={state} />
      {report ? (
        <Alert tone={report.ok ? "success" : "error"} title={report.ok ? t("testOk") : t("testFailed")}>
          <ul className="mt-1 space-y-1" data-testid="connection-report">
            {report.lines.map((line, i) => (
              <li key={i} className="flex gap-2">
                <span aria-hidden="true">{line.ok ? "✓" : "✗"}</span>
                <span>{line.text}</span>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </form>
  );
}
