import { FieldShell } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";

/**
 * A photo input with its SPEC label, hint and error tied together (FieldShell). `accept` only guides the
 * phone's picker; the server decides the type by content.
 */
export function PhotoField({
  id,
  label,
  hint,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required>
      {(describedBy, isInvalid) => (
        <input
          id={id}
          name={id}
          type="file"
          accept="image/jpeg,image/png,image/gif,.jpg,.jpeg,.png,.gif"
          required
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
          className={cn(
            "block w-full rounded-lg bg-white text-sm text-slate-700 ring-1 ring-inset ring-slate-300",
            "file:mr-3 file:min-h-11 file:cursor-pointer file:border-0 file:bg-brand-50 file:px-4 file:py-2.5",
            "file:text-sm file:font-semibold file:text-brand-800 hover:file:bg-brand-100",
            "focus:outline-none focus:ring-2 focus:ring-brand-600",
            isInvalid && "ring-2 ring-red-600",
          )}
        />
      )}
    </FieldShell>
  );
}
