import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const SAMPLES = [
  { key: "frontGood", file: "front-good", good: true },
  { key: "frontBad", file: "front-bad", good: false },
  { key: "backGood", file: "back-good", good: true },
  { key: "backBad", file: "back-bad", good: false },
] as const;

/**
 * 照片样例: how the hand-held photos should (and should not) look, front and back. Drawn illustrations
 * (public/samples/*.svg): real ID photos cannot be shipped.
 */
export async function PhotoSamples() {
  const t = await getTranslations("identity.photos.samples");
  return (
    <section aria-labelledby="photo-samples-title">
      <h2 id="photo-samples-title" className="text-base font-semibold text-ink">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("lead")}</p>
      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {SAMPLES.map((s) => (
          <li key={s.key}>
            <figure>
              {/* eslint-disable-next-line @next/next/no-img-element -- a small static SVG */}
              <img
                src={`/samples/id-photo-${s.file}.svg`}
                alt={t(s.key)}
                width={240}
                height={300}
                className={cn("h-auto w-full rounded-lg ring-2", s.good ? "ring-green-600" : "ring-red-600")}
              />
              <figcaption
                className={cn("mt-1 text-xs font-medium", s.good ? "text-green-800" : "text-red-800")}
              >
                {t(s.key)}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
