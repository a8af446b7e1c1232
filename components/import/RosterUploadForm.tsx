"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { FieldShell } from "@/components/ui/Field";
import { FileInput } from "@/components/ui/FileInput";
import { FILE_NAME_HEADER, MAX_UPLOAD_BYTES, UPLOAD_PATH } from "@/lib/roster-import/upload-protocol";

/**
 * The roster upload: the file goes to POST /registrar/import/upload as the raw body (streamed to disk
 * there, not through a server action), with a progress bar; refusals sit at the field.
 */
export function RosterUploadForm({ label, submit }: { label: string; submit: string }) {
  const t = useTranslations("import.upload");
  const te = useTranslations("import.errors");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file || file.size === 0) return setError(t("required"));
    if (file.size > MAX_UPLOAD_BYTES)
      return setError(te("fileTooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }));
    setError(undefined);
    setProgress(0);
    // XMLHttpRequest, not fetch: only it reports upload progress
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_PATH);
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { location?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // a proxy's HTML error page: the status still says what happened
      }
      if (xhr.status === 201 && body.location) return router.push(body.location);
      setProgress(null);
      setError(
        body.error ??
          (xhr.status === 413
            ? te("fileTooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })
            : te("unexpected")),
      );
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(te("network"));
    };
    xhr.send(file);
  }

  const pending = progress !== null;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FieldShell id="file" label={label} hint={t("fileHint")} error={error} required>
        {(describedBy, invalid) => (
          <FileInput
            id="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </FieldShell>
      {pending ? <progress className="w-full" max={100} value={progress} aria-label={t("progress")} /> : null}
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
