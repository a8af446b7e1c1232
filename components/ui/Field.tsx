import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

/** styles in app/globals.css (.field-control, .field-label): a class string each control sent twice (HTML, payload) */
const control = "field-control";
const invalid = "ring-2 ring-red-600 focus:ring-red-600";

/**
 * The control's accessibility attributes, without the ones that are not set: an attribute given as
 * undefined still travels in the page's payload ("$undefined"), three a control on every form.
 */
function controlAria(required: boolean | undefined, isInvalid: boolean, describedBy: string | undefined) {
  return {
    ...(required ? { required } : {}),
    ...(isInvalid ? { "aria-invalid": true } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}

type FieldShellProps = {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: (describedBy: string | undefined, isInvalid: boolean) => ReactNode;
  className?: string;
};

/**
 * Label, control, hint and error tied together: the error is announced (role=alert) and linked to the
 * control with aria-describedby, and the control is marked aria-invalid.
 */
export function FieldShell({ id, label, error, hint, required, children, className }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children(describedBy, !!error)}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Common = { id: string; label: ReactNode; error?: string; hint?: ReactNode; className?: string };

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  required,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} className={className}>
      {(describedBy, isInvalid) => (
        <input
          id={id}
          name={input.name ?? id}
          {...controlAria(required, isInvalid, describedBy)}
          className={cn(control, isInvalid && invalid)}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  required,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} className={className}>
      {(describedBy, isInvalid) => (
        <select
          // a select applies defaultValue only when it mounts, and React resets a form after its action:
          // remounting on a new defaultValue keeps what was chosen when the answer re-renders the form
          key={String(select.defaultValue ?? "")}
          id={id}
          name={select.name ?? id}
          {...controlAria(required, isInvalid, describedBy)}
          className={cn(control, "pr-8", isInvalid && invalid)}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  className,
  required,
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} className={className}>
      {(describedBy, isInvalid) => (
        <textarea
          id={id}
          name={area.name ?? id}
          {...controlAria(required, isInvalid, describedBy)}
          className={cn(control, "min-h-24", isInvalid && invalid)}
          {...area}
        />
      )}
    </FieldShell>
  );
}
