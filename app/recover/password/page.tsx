import { getTranslations } from "next-intl/server";
import { createCaptcha } from "@/lib/security/captcha";
import { RecoverPasswordFlow } from "@/components/auth/RecoverPasswordFlow";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("recover.password");
  return { title: t("title") };
}

export default async function RecoverPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ username?: string }>;
}) {
  const { username } = await searchParams;
  return (
    <ClientMessages namespaces={["passwords", "recover", "register", "signIn"]}>
      <RecoverPasswordFlow initialCaptcha={await createCaptcha()} username={username?.slice(0, 254)} />
    </ClientMessages>
  );
}
