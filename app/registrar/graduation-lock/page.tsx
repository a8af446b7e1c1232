import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { Card, PageHeader } from "@/components/ui/Card";
import { GraduationLockForm } from "@/components/import/GraduationLockForm";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("import.graduation");
  return { title: t("title"), description: await metaDescription("registrarGraduationLock") };
}

export default async function GraduationLockPage() {
  await requireStaff("graduationLock.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("registrar.title")} />
      <RegistrarNav current="graduationLock" />
      <Card className="max-w-3xl">
        <h2 className="mb-4 text-xl font-bold">{t("import.graduation.title")}</h2>
        <ClientMessages namespaces={["common.file", "import.graduation", "import.upload"]}>
          <GraduationLockForm />
        </ClientMessages>
      </Card>
    </>
  );
}
