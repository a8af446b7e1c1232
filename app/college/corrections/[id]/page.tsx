import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { requestForStaff } from "@/lib/corrections/queries";
import { ReviewView } from "@/components/corrections/ReviewView";
import { collegeDecideAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.review");
  return { title: t("collegeTitle"), description: await metaDescription("collegeCorrectionsId") };
}

/** 学院初审 of one request; another college's request id is "not found". */
export default async function CollegeReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("correction.collegeReview");
  const { id } = await params;
  const { reveal } = await searchParams;
  const request = await requestForStaff(actor, "college", id.slice(0, 40), {
    revealIdNumbers: reveal === "1",
  });
  if (!request) notFound();
  return (
    <ReviewView
      stage="college"
      basePath="/college/corrections"
      request={request}
      history={request.history}
      decideAction={collegeDecideAction}
    />
  );
}
