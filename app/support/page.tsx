import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { PlannedArea } from "@/components/layout/PlannedArea";

export async function generateMetadata() {
  const t = await getTranslations("areas.support");
  return { title: t("title") };
}

export default async function Page() {
  await requireStaff("identityCase.review");
  const t = await getTranslations("areas.support");
  return <PlannedArea title={t("title")} items={t.raw("items") as string[]} />;
}
