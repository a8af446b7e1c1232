import { getTranslations } from "next-intl/server";
import { requireStudent } from "@/lib/auth/current";
import { PlannedArea } from "@/components/layout/PlannedArea";

export async function generateMetadata() {
  const t = await getTranslations("areas.record");
  return { title: t("title") };
}

export default async function Page() {
  await requireStudent({ next: "/record" });
  const t = await getTranslations("areas.record");
  return <PlannedArea title={t("title")} items={t.raw("items") as string[]} />;
}
