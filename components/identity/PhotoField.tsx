"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { PHOTO_MAX_BYTES } from "@/lib/identity-cases/rules";
import { formatBytes, shrinkImage } from "@/lib/uploads/shrink-image";
import { FieldShell } from "@/components/ui/Field";
import { FileInput } from "@/components/ui/FileInput";

type Shown = { url: string; note: string } | null;

/**
 * A hand-held ID photo input with its SPEC label, hint and error tied together. A phone photo of several MB
 * is shrunk in the browser to the 300 KB limit the moment it is chosen: the input then holds only the
 * small JPEG (the original is never sent) and a preview shows what will be uploaded. `rejected` changes
 * when the server refused this side: its choice is cleared so the person picks again, while the other side
 * keeps its own. Without JavaScript the chosen file is sent as it is and the server's 300 KB rule applies.
 */
export function PhotoField({
  id,
  label,
  hint,
  error,
  rejected = 0,
  onBusyChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** increases each time the server refused this side */
  rejected?: number;
  onBusyChange?: (busy: boolean) => void;
}) {
  const t = useTranslations("identity.photos.shrink");
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => () => void (shown && URL.revokeObjectURL(shown.url)), [shown]);

  // Refused by the server: empty this side's input (its change event clears the name and the preview).
  useEffect(() => {
    const el = input.current;
    if (rejected > 0 && el?.files?.length) {
      el.value = "";
      el.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }, [rejected]);

  const working = (value: boolean) => {
    setBusy(value);
    onBusyChange?.(value);
  };

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const el = event.currentTarget;
    const file = el.files?.[0];
    setProblem(null);
    setShown(null);
    if (!file) return;
    working(true);
    try {
      const result = await shrinkImage(file, PHOTO_MAX_BYTES);
      if (result.shrunk) {
        const files = new DataTransfer();
        files.items.add(result.file);
        el.files = files.files;
      }
      setShown({
        url: URL.createObjectURL(result.file),
        note: result.shrunk
          ? t("shrunk", {
              from: formatBytes(result.originalBytes),
              to: formatBytes(result.file.size),
              width: result.width,
              height: result.height,
            })
          : t("kept", { size: formatBytes(result.file.size) }),
      });
    } catch {
      el.value = "";
      setProblem(t("unreadable"));
    } finally {
      working(false);
    }
  }

  return (
    <FieldShell id={id} label={label} hint={hint} error={problem ?? error} required>
      {(describedBy, isInvalid) => (
        <div className="space-y-2">
          <FileInput
            ref={input}
            id={id}
            name={id}
            accept="image/jpeg,image/png,image/gif,.jpg,.jpeg,.png,.gif"
            required
            invalid={isInvalid}
            aria-describedby={[describedBy, `${id}-preview-note`].filter(Boolean).join(" ")}
            aria-busy={busy || undefined}
            onChange={onChange}
          />
          <p
            id={`${id}-preview-note`}
            className="text-xs text-slate-600"
            aria-live="polite"
            data-testid={`${id}-note`}
          >
            {busy ? t("working") : shown?.note}
          </p>
          {shown ? (
            // A blob: URL of the file about to be sent, shown to its owner only.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={shown.url}
              alt={t("previewAlt", { label })}
              className="max-h-48 w-auto rounded-md object-contain ring-1 ring-slate-300"
              data-testid={`${id}-preview`}
            />
          ) : null}
        </div>
      )}
    </FieldShell>
  );
}
