import { getTranslations } from "next-intl/server";

import { PlannedArea } from "@/components/layout/PlannedArea";

export async function generateMetadata() {
  const t = await getTranslations("areas.recoverUsername");
  return { title: t("title") };
}

export default async function Page() {
  const t = await getTranslations("areas.recoverUsername");
  return <PlannedArea title={t("title")} items={t.raw("items") as string[]} />;
}
