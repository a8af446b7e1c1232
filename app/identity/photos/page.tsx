import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { identityOverview } from "@/lib/identity-cases/overview";
import { Card } from "@/components/ui/Card";
import { PhotoCaseTable } from "@/components/identity/PhotoCaseTable";
import { PhotoUploadForm } from "@/app/identity/_components/PhotoUploadForm";
import { SubPageHeader } from "@/components/identity/SubPage";
import { PhotoSamples } from "@/components/identity/PhotoSamples";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("identity.photos");
  return { title: t("title"), description: await metaDescription("identityPhotos") };
}

/** 手持身份证照片审核 (SPEC §3.1): upload form, requirements, and the review log. */
export default async function PhotosPage() {
  const actor = await requireStudent({ allowPending: true, next: "/identity/photos" });
  const overview = await identityOverview(actor);
  if (overview.account.identityStatus !== "pending") redirect("/identity");
  const t = await getTranslations("identity.photos");
  const { leftToday, leftTotal } = overview.uploads;
  return (
    <>
      <SubPageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <p className="mb-4 text-sm text-slate-700">{t("limits", { today: leftToday, total: leftTotal })}</p>
          <ClientMessages namespaces={["common.file", "identity.photos"]}>
            <PhotoUploadForm usedUp={leftTotal === 0} />
          </ClientMessages>
          <p className="mt-4 text-xs leading-relaxed text-slate-600">{t("privacy")}</p>
        </Card>
        <Card as="div">
          <h2 className="text-base font-semibold text-ink">{t("rulesTitle")}</h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm leading-relaxed text-slate-700">
            {(t.raw("rules") as string[]).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
        </Card>
      </div>
      <Card className="mt-6">
        <PhotoSamples />
      </Card>
      <Card className="mt-6" aria-labelledby="photo-log">
        <h2 id="photo-log" className="text-base font-semibold text-ink">
          {t("tableTitle")}
        </h2>
        <p className="mt-1 mb-3 text-xs leading-relaxed text-slate-600">{t("statusHelp")}</p>
        <PhotoCaseTable cases={overview.photoCases} />
      </Card>
    </>
  );
}
