import { FieldShell } from "@/components/ui/Field";
import { FileInput } from "@/components/ui/FileInput";

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
        <FileInput
          id={id}
          name={id}
          accept="image/jpeg,image/png,image/gif,.jpg,.jpeg,.png,.gif"
          required
          invalid={isInvalid}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}
