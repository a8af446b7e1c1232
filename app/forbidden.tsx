import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return (
    <Card className="mx-auto max-w-lg text-center">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
    </Card>
  );
}
