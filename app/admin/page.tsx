import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { PlannedArea } from "@/components/layout/PlannedArea";

export async function generateMetadata() {
  const t = await getTranslations("areas.admin");
  return { title: t("title") };
}

export default async function Page() {
  await requireStaff("settings.manage");
  const t = await getTranslations("areas.admin");
  return <PlannedArea title={t("title")} items={t.raw("items") as string[]} />;
}
