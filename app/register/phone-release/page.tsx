import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { openTicket } from "@/lib/identity-cases/phone-release";
import { maskPhone } from "@/lib/identity/phone";
import { helpHref } from "@/lib/help/topics";
import { Alert } from "@/components/ui/Alert";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { Card, PageHeader } from "@/components/ui/Card";
import { PhotoSamples } from "@/components/identity/PhotoSamples";
import { ReleaseRequestForm } from "@/app/register/phone-release/_components/ReleaseRequestForm";
import { VerifyPhoneForm } from "@/app/register/phone-release/_components/VerifyPhoneForm";
import { restartReleaseAction } from "./actions";
import { readReleaseTicket } from "./ticket";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("phoneRelease");
  return { title: t("title"), description: await metaDescription("registerPhoneRelease") };
}

/**
 * 申请释放手机号 (issue 12 item 3): public, like /register. Step 1 proves the number with its SMS code;
 * step 2 (the sealed proof is an HttpOnly cookie) takes the claimant's details and hand-held photos.
 */
export default async function PhoneReleasePage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const t = await getTranslations("phoneRelease");
  const th = await getTranslations("help");
  const ticket = openTicket(await readReleaseTicket());
  const sent = (await searchParams).sent === "1" && !ticket;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {sent ? (
            <Alert tone="success" title={t("submittedTitle")}>
              {t("submitted")}
            </Alert>
          ) : ticket ? (
            <>
              <h2 className="text-lg font-semibold text-ink">{t("step2")}</h2>
              <p className="mt-1 mb-5 text-sm text-slate-700">
                {t("step2Lead", { phone: maskPhone(ticket.phone) })}
              </p>
              <ClientMessages namespaces={["common.file", "identity.photos", "phoneRelease", "register"]}>
                <ReleaseRequestForm />
              </ClientMessages>
              <form action={restartReleaseAction} className="mt-4">
                <button
                  type="submit"
                  className="min-h-11 text-sm font-medium text-brand-700 underline underline-offset-4"
                >
                  {t("restart")}
                </button>
              </form>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold text-ink">{t("step1")}</h2>
              <p className="mt-1 mb-5 text-sm text-slate-700">{t("step1Lead")}</p>
              <ClientMessages namespaces={["phoneRelease", "register"]}>
                <VerifyPhoneForm />
              </ClientMessages>
            </>
          )}
          <p className="mt-5 text-xs leading-relaxed text-slate-600">{t("privacy")}</p>
        </Card>
        <Card as="div">
          <p className="text-sm">
            <Link
              className="font-semibold text-brand-700 underline underline-offset-4"
              href={helpHref("phone-taken")}
            >
              {th("topics.phoneTaken.q")}
            </Link>
          </p>
        </Card>
      </div>
      {ticket ? (
        <Card className="mt-6">
          <PhotoSamples />
        </Card>
      ) : null}
    </>
  );
}
