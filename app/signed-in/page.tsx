import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { getActor } from "@/lib/auth/current";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";

export async function generateMetadata() {
  const t = await getTranslations("common.signedOutForm");
  return { title: t("title"), description: await metaDescription("signedIn") };
}

/**
 * Where signing in again from a form lands (lib/auth/action.ts): the form whose session ended is still open
 * in the other window with what was typed, so this page only sends the person back to it.
 */
export default async function SignedInPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?next=%2Fsigned-in");
  const t = await getTranslations("common.signedOutForm");
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <Alert tone="success" className="mt-4">
        {t("body")}
      </Alert>
      <p className="mt-4">
        <Link className={buttonClass("secondary")} href={actor.kind === "student" ? "/record" : "/"}>
          {t("home")}
        </Link>
      </p>
    </Card>
  );
}
