import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/Card";

/** Header of an /identity sub-page with the way back. */
export async function SubPageHeader({ title, description }: { title: string; description?: ReactNode }) {
  const t = await getTranslations("identity");
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/identity" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={title} description={description} />
    </>
  );
}
