import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A checkbox with its label, error announced and tied to it (the Field primitives cover text inputs). */
export function CheckboxField({
  id,
  label,
  error,
  defaultChecked,
  required,
  describedBy,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  required?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label
        htmlFor={id}
        className="flex cursor-pointer items-start gap-3 text-sm leading-relaxed text-slate-800"
      >
        <input
          id={id}
          name={id}
          type="checkbox"
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, describedBy].filter(Boolean).join(" ") || undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-brand-700"
        />
        <span>
          {label}
          {required ? (
            <span className="ml-0.5 text-red-700" aria-hidden="true">
              *
            </span>
          ) : null}
        </span>
      </label>
      {error ? (
        <p id={errorId} role="alert" className="pl-8 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
