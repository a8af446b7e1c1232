import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { describeEmailToken } from "@/lib/accounts/email";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { VerifyEmailForm } from "@/app/account/email/verify/_components/VerifyEmailForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("account.email");
  return { title: t("verifyTitle"), description: await metaDescription("accountEmailVerify") };
}

/**
 * Landing page of the verification link. Opening it changes nothing (mail scanners open links); the
 * person confirms with a POST. Works signed in or not: the token names the account.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("account.email");
  const pending = await describeEmailToken(token);
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("verifyTitle")}</h1>
      {pending && token ? (
        <ClientMessages namespaces={["account.email"]}>
          <VerifyEmailForm token={token} email={pending.email} />
        </ClientMessages>
      ) : (
        <Alert tone="error" className="mt-4">
          {t("linkInvalid")}
        </Alert>
      )}
    </Card>
  );
}
