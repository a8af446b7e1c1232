import { getTranslations } from "next-intl/server";

/** Links to the private evidence route (the route checks who is asking). */
export async function EvidenceList({
  files,
  emptyKey = "detail.noEvidence",
}: {
  files: { id: string; displayName: string; mime: string; size: number }[];
  emptyKey?: string;
}) {
  const t = await getTranslations("corrections");
  if (files.length === 0) return <p className="text-sm text-slate-600">{t(emptyKey)}</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {files.map((f) => (
        <li key={f.id}>
          <a
            href={`/files/evidence/${f.id}`}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-white px-3 text-sm font-medium text-brand-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
              {f.mime === "application/pdf" ? "PDF" : f.mime === "image/png" ? "PNG" : "JPG"}
            </span>
            <span className="max-w-56 truncate">{f.displayName}</span>
            <span className="text-xs text-slate-600">{Math.max(1, Math.round(f.size / 1024))} KB</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
