import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { getActor } from "@/lib/auth/current";
import { homePathFor } from "@/lib/auth/policy";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { StaffLoginForm } from "@/components/auth/StaffLoginForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { ExternalSignInButtons } from "@/components/auth/ExternalSignInButtons";
import { ExternalSignInNotice } from "@/components/auth/ExternalSignInNotice";
import { signInProviders } from "@/lib/external-sign-in/providers";
import { requestMeta } from "@/lib/core/request-meta";
import { createCaptcha } from "@/lib/security/captcha";
import { staffCaptchaRequired } from "@/lib/staff/sign-in";
import { staffExternalSignIn, staffLogin } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("staffTitle"), description: await metaDescription("staffLogin") };
}

export default async function StaffLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ signedOut?: string; sso?: string; until?: string; seconds?: string }>;
}) {
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor));
  const t = await getTranslations("signIn");
  const { signedOut, sso, until, seconds } = await searchParams;
  const ts = await getTranslations("sso.signIn");
  const providers = await signInProviders("staff");
  // An address that already failed 3 times sees the captcha from the start.
  const captcha = (await staffCaptchaRequired("", (await requestMeta()).ip))
    ? await createCaptcha()
    : undefined;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">{t("staffTitle")}</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">{t("staffSubtitle")}</p>
        {signedOut ? (
          <Alert tone="success" className="mb-4">
            {t("signedOut")}
          </Alert>
        ) : null}
        <ExternalSignInNotice reason={sso} until={until} seconds={seconds} className="mb-4" />
        {providers.length > 0 ? (
          <div className="mb-6 border-b border-slate-200 pb-6">
            <ExternalSignInButtons
              providers={providers}
              action={staffExternalSignIn}
              heading={ts("staffHeading")}
              hint={ts("staffHint")}
            />
          </div>
        ) : null}
        {providers.length > 0 ? <h2 className="mb-3 font-semibold">{ts("passwordHeading")}</h2> : null}
        <ClientMessages namespaces={["common.actions", "signIn"]}>
          <StaffLoginForm initialCaptcha={captcha} action={staffLogin} />
        </ClientMessages>
      </Card>
      <p className="mt-4 text-center text-sm">
        <Link className="text-slate-600 underline underline-offset-4 hover:text-brand-700" href="/login">
          {t("studentLink")}
        </Link>
      </p>
    </div>
  );
}
