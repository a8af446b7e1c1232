import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { getActor } from "@/lib/auth/current";
import { homePathFor } from "@/lib/auth/policy";
import { registrarContact } from "@/lib/settings";
import { RegisterForm } from "@/app/register/_components/RegisterForm";
import { PendingRegistered } from "@/components/auth/PendingRegistered";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("register");
  return { title: t("title"), description: await metaDescription("register") };
}

export default async function RegisterPage() {
  const actor = await getActor();
  // A pending account (我要重新注册) lands here right after registering: tell it what comes next.
  if (actor?.kind === "student" && actor.identityStatus === "pending")
    return (
      <ClientMessages namespaces={["register.pending"]}>
        <PendingRegistered />
      </ClientMessages>
    );
  if (actor) redirect(homePathFor(actor));
  return (
    <ClientMessages namespaces={["passwords", "register"]}>
      <RegisterForm contact={await registrarContact()} />
    </ClientMessages>
  );
}
