import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { can, type Permission } from "@/lib/auth/policy";
import { isDemoMode } from "@/lib/env";
import { adminOverview } from "@/lib/admin/overview";
import { Alert } from "@/components/ui/Alert";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

type Section = { href: string; key: string; permission: Permission; figure: number | null };

export default async function AdminPage() {
  const actor = await requireStaff();
  const t = await getTranslations("admin");
  const o = await adminOverview(actor);
  const sections: Section[] = [
    { href: "/admin/staff", key: "staff", permission: "staff.manage", figure: o.staff },
    { href: "/admin/settings", key: "settings", permission: "settings.manage", figure: null },
    { href: "/admin/sign-in-providers", key: "signIn", permission: "settings.manage", figure: null },
    { href: "/admin/audit", key: "audit", permission: "audit.view", figure: o.audit24h },
    { href: "/admin/tokens", key: "tokens", permission: "apiToken.manage", figure: o.tokens },
    { href: "/admin/outbox", key: "outbox", permission: "outbox.view", figure: o.outbox24h },
  ];
  const visible = sections.filter((s) => can(actor, s.permission));
  if (visible.length === 0) forbidden();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <LinkButton href="/staff/password" variant="secondary">
            {t("ownPassword.title")}
          </LinkButton>
        }
      />
      {o.demo && !isDemoMode() ? (
        <Alert tone="warning" className="mb-6" title={t("demoAccounts.title")}>
          {t("demoAccounts.body", { count: o.demo })}
        </Alert>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {visible.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              className="group flex h-full flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-300 sm:p-6"
            >
              <span className="flex items-start justify-between gap-3">
                <span className="text-lg font-semibold text-ink group-hover:text-brand-800">
                  {t(`cards.${s.key}.title`)}
                </span>
                {s.figure !== null ? (
                  <span className="text-right">
                    <span className="block text-2xl font-bold tabular-nums text-brand-800">{s.figure}</span>
                    <span className="block text-xs text-slate-600">{t(`cards.${s.key}.figure`)}</span>
                  </span>
                ) : null}
              </span>
              <span className="mt-2 text-sm text-slate-600">{t(`cards.${s.key}.body`)}</span>
              <span className="mt-auto pt-4 text-sm font-semibold text-brand-700">
                {t("open")} <span aria-hidden="true">→</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
