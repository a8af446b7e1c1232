import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { createCaptcha } from "@/lib/security/captcha";
import { RecoverUsernameForm } from "@/app/recover/username/_components/RecoverUsernameForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("recover.username");
  return { title: t("title"), description: await metaDescription("recoverUsername") };
}

export default async function RecoverUsernamePage() {
  return (
    <ClientMessages namespaces={["common.actions", "recover", "signIn"]}>
      <RecoverUsernameForm initialCaptcha={await createCaptcha()} />
    </ClientMessages>
  );
}
