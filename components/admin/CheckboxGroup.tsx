import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type CheckboxOption = { value: string; label: ReactNode; hint?: ReactNode };

/**
 * A labelled group of checkboxes (roles, college scopes) sharing one name. The error is announced and
 * tied to the group with aria-describedby; works without JavaScript.
 */
export function CheckboxGroup({
  id,
  name,
  legend,
  options,
  checked,
  error,
  hint,
  columns = 2,
  type = "checkbox",
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: CheckboxOption[];
  checked: string[];
  error?: string;
  hint?: ReactNode;
  columns?: 1 | 2 | 3;
  type?: "checkbox" | "radio";
}) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      id={id}
      aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
      className="space-y-2"
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div
        className={cn(
          "grid gap-2",
          columns === 3 ? "sm:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "grid-cols-1",
        )}
      >
        {options.map((option) => {
          const inputId = `${id}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={inputId}
              className={cn(
                "flex min-h-11 cursor-pointer items-start gap-2.5 rounded-lg bg-white px-3 py-2.5 text-sm ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-300",
                error && "ring-red-300",
              )}
            >
              <input
                id={inputId}
                type={type}
                name={name}
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                className="mt-0.5 size-4 shrink-0 accent-brand-700"
              />
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{option.label}</span>
                {option.hint ? (
                  <span className="block text-xs text-slate-600 [overflow-wrap:anywhere]">{option.hint}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
