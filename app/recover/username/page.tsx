import { getTranslations } from "next-intl/server";
import { createCaptcha } from "@/lib/security/captcha";
import { RecoverUsernameForm } from "@/components/auth/RecoverUsernameForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("recover.username");
  return { title: t("title") };
}

export default async function RecoverUsernamePage() {
  return (
    <ClientMessages namespaces={["recover", "signIn"]}>
      <RecoverUsernameForm initialCaptcha={await createCaptcha()} />
    </ClientMessages>
  );
}
