import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/Card";

/** An area that is not built yet says plainly what it will hold (never fake data). */
export async function PlannedArea({
  title,
  description,
  items,
}: {
  title: string;
  description?: string;
  items: string[];
}) {
  const t = await getTranslations("common");
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <p className="text-sm text-slate-700">{t("planned")}</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
