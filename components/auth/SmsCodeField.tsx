"use client";

import { FieldShell } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { SendCodeButton } from "./SendCodeButton";

const control =
  "block w-full rounded-lg border-0 bg-white px-3.5 py-2.5 text-base text-ink shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 sm:text-sm min-h-11 tracking-widest";

/** 短信验证码 input with its 免费获取 button; a sent/refused notice is announced under it. */
export function SmsCodeField({
  id = "code",
  label,
  error,
  notice,
  defaultValue,
  sendAction,
  resendAt,
  intent,
  required = true,
}: {
  id?: string;
  label: string;
  error?: string;
  notice?: string;
  defaultValue?: string;
  sendAction: (formData: FormData) => void;
  resendAt?: string;
  intent: string;
  required?: boolean;
}) {
  return (
    <div>
      <FieldShell id={id} label={label} error={error} required={required}>
        {(describedBy, invalid) => (
          <div className="flex gap-2">
            <input
              id={id}
              name={id}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              defaultValue={defaultValue}
              required={required}
              aria-invalid={invalid || undefined}
              aria-describedby={
                [describedBy, notice ? `${id}-notice` : undefined].filter(Boolean).join(" ") || undefined
              }
              className={cn(control, invalid && "ring-2 ring-red-600 focus:ring-red-600")}
            />
            <SendCodeButton action={sendAction} resendAt={resendAt} intent={intent} />
          </div>
        )}
      </FieldShell>
      <p id={`${id}-notice`} role="status" className="mt-1.5 text-xs text-emerald-800 empty:hidden">
        {notice ?? ""}
      </p>
    </div>
  );
}
