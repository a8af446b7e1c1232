import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { describeResetLink } from "@/lib/accounts/recover-password";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { ResetByLinkForm } from "@/app/recover/password/_components/ResetByLinkForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("recover.password");
  return { title: t("resetTitle"), description: await metaDescription("recoverPasswordReset") };
}

// The token is read here and posted back in a hidden field; it never reaches logs or analytics.
export default async function ResetByLinkPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("recover.password");
  const link = await describeResetLink(token);
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("resetTitle")}</h1>
      {link && token ? (
        <>
          <p className="mt-1.5 text-sm text-slate-600">{t("resetLead", { phone: link.phone })}</p>
          <ClientMessages namespaces={["passwords", "recover.password"]}>
            <ResetByLinkForm token={token} />
          </ClientMessages>
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Alert tone="error">{t("linkInvalid")}</Alert>
          <Link
            href="/recover/password"
            className="font-semibold text-brand-700 underline underline-offset-4"
          >
            {t("restart")}
          </Link>
        </div>
      )}
    </Card>
  );
}
