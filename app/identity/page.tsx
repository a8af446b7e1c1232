import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { identityOverview } from "@/lib/identity-cases/overview";
import { PendingOverview } from "@/components/identity/PendingOverview";
import { VerifiedOverview } from "@/components/identity/VerifiedOverview";

export async function generateMetadata() {
  const t = await getTranslations("identity");
  return { title: t("title"), description: await metaDescription("identity") };
}

/** /identity: a pending account's three ways out (SPEC §3), or a verified account's identity (§3.4). */
export default async function IdentityPage({
  searchParams,
}: {
  searchParams: Promise<{ resolved?: string }>;
}) {
  const actor = await requireStudent({ allowPending: true, next: "/identity" });
  const overview = await identityOverview(actor);
  const { resolved } = await searchParams;
  return overview.account.identityStatus === "pending" ? (
    <PendingOverview overview={overview} />
  ) : (
    <VerifiedOverview overview={overview} justResolved={resolved === "1"} />
  );
}
