import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { requestForStaff } from "@/lib/corrections/queries";
import { ReviewView } from "@/components/corrections/ReviewView";
import { registrarDecideAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.review");
  return { title: t("registrarTitle"), description: await metaDescription("registrarCorrectionsId") };
}

/** 学籍管理科终审 (and the provincial decision) of one request. */
export default async function RegistrarReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("correction.registrarReview");
  const { id } = await params;
  const { reveal } = await searchParams;
  const request = await requestForStaff(actor, "registrar", id.slice(0, 40), {
    revealIdNumbers: reveal === "1",
  });
  if (!request) notFound();
  return (
    <ReviewView
      stage="registrar"
      basePath="/registrar/corrections"
      request={request}
      history={request.history}
      decideAction={registrarDecideAction}
    />
  );
}
