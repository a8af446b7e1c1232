import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { createCaptcha } from "@/lib/security/captcha";
import { RecoverPasswordFlow } from "@/app/recover/password/_components/RecoverPasswordFlow";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("recover.password");
  return { title: t("title"), description: await metaDescription("recoverPassword") };
}

export default async function RecoverPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ username?: string }>;
}) {
  const { username } = await searchParams;
  return (
    <ClientMessages namespaces={["common.actions", "passwords", "recover", "register", "signIn"]}>
      <RecoverPasswordFlow initialCaptcha={await createCaptcha()} username={username?.slice(0, 254)} />
    </ClientMessages>
  );
}
