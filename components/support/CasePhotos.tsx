import { getTranslations } from "next-intl/server";

/** The two hand-held photos side by side, served by the access-checked photo route (never cached). */
export async function CasePhotos({
  caseId,
  has,
}: {
  caseId: string;
  has: { front: boolean; back: boolean };
}) {
  const t = await getTranslations("support.case");
  const sides = [
    { side: "front", label: t("front"), present: has.front },
    { side: "back", label: t("back"), present: has.back },
  ];
  return (
    <div className="grid grid-cols-2 gap-4">
      {sides.map(({ side, label, present }) => (
        <figure key={side} className="rounded-lg bg-slate-50 p-2 ring-1 ring-slate-200">
          {present ? (
            <a
              href={`/api/identity-photos/${caseId}/${side}`}
              target="_blank"
              rel="noopener"
              className="block"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- private, access-checked, uncached bytes */}
              <img
                src={`/api/identity-photos/${caseId}/${side}`}
                alt={label}
                className="mx-auto max-h-[26rem] w-auto rounded-md object-contain"
              />
            </a>
          ) : (
            <p className="grid h-48 place-items-center text-sm text-slate-500">{t("photoMissing")}</p>
          )}
          <figcaption className="mt-2 text-center text-sm font-medium text-slate-700">
            {label}
            {present ? <span className="sr-only"> ({t("openFull")})</span> : null}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
