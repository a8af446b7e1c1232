import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { getActor } from "@/lib/auth/current";
import { homePathFor } from "@/lib/auth/policy";
import { captchaRequired } from "@/lib/accounts/sign-in";
import { requestMeta } from "@/lib/core/request-meta";
import { safeNextPath } from "@/lib/core/safe-next";
import { createCaptcha } from "@/lib/security/captcha";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { StudentLoginForm } from "@/app/login/_components/StudentLoginForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { ExternalSignInButtons } from "@/components/auth/ExternalSignInButtons";
import { ExternalSignInNotice } from "@/components/auth/ExternalSignInNotice";
import { signInProviders } from "@/lib/external-sign-in/providers";
import { studentExternalSignIn } from "./actions";
// the page is served from a short cache to visitors who need no captcha
import "@/lib/accounts/login-page-cache";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title"), description: await metaDescription("login") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{
    next?: string;
    signedOut?: string;
    sso?: string;
    until?: string;
    seconds?: string;
  }>;
}) {
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor));
  const t = await getTranslations("signIn");
  const query = await searchParams;
  const { signedOut, sso, until, seconds } = query;
  // A hostile `next` is dropped here already, so the form never carries it (the action checks again).
  const next = safeNextPath(query.next);
  const ts = await getTranslations("sso.signIn");
  const providers = await signInProviders("students");
  // An IP that already failed 3 times sees the captcha from the start.
  const needCaptcha = await captchaRequired("", (await requestMeta()).ip);
  const captcha = needCaptcha ? await createCaptcha() : undefined;

  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-5">
      <Card className="md:col-span-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">{t("subtitle")}</p>
        {signedOut ? (
          <Alert tone="success" className="mb-4">
            {t("signedOut")}
          </Alert>
        ) : null}
        <ExternalSignInNotice
          reason={sso}
          until={until}
          seconds={seconds}
          extra={sso === "unbound" ? ts("unboundHelp") : undefined}
          className="mb-4"
        />
        <ClientMessages namespaces={["common.actions", "signIn"]}>
          <StudentLoginForm initialCaptcha={captcha} next={sso === "unbound" ? "/account#external" : next} />
        </ClientMessages>
        <div className="mt-5 flex flex-wrap justify-between gap-3 text-sm">
          <div className="flex gap-4">
            <Link
              className="font-medium text-brand-700 underline-offset-4 hover:underline"
              href="/recover/username"
            >
              {t("forgotUsername")}
            </Link>
            <Link
              className="font-medium text-brand-700 underline-offset-4 hover:underline"
              href="/recover/password"
            >
              {t("forgotPassword")}
            </Link>
          </div>
          <p>
            {t("noAccount")}{" "}
            <Link
              className="font-semibold text-brand-700 underline-offset-4 hover:underline"
              href="/register"
            >
              {t("registerNow")}
            </Link>
          </p>
        </div>
        {providers.length > 0 ? (
          <div className="mt-6 border-t border-slate-200 pt-5">
            <ExternalSignInButtons
              providers={providers}
              action={studentExternalSignIn}
              heading={ts("studentHeading")}
              hint={ts("studentHint")}
              next={next}
            />
          </div>
        ) : null}
      </Card>
      <aside className="space-y-4 md:col-span-2">
        <Card>
          <h2 className="font-semibold">{t("help.title")}</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>{t("help.username")}</li>
            <li>{t("help.duplicate")}</li>
            <li>{t("help.sms")}</li>
          </ul>
          <p className="mt-3 text-sm">
            <Link className="font-semibold text-brand-700 underline underline-offset-4" href="/help">
              {t("help.more")}
            </Link>
          </p>
        </Card>
        <p className="text-center text-sm">
          <Link
            className="text-slate-600 underline underline-offset-4 hover:text-brand-700"
            href="/staff/login"
          >
            {t("staffLink")}
          </Link>
        </p>
      </aside>
    </div>
  );
}
