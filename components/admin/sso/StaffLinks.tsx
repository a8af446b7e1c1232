import { getLocale, getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/core/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import { Button } from "@/components/ui/Button";
import { StaffLinkForm } from "./StaffLinkForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

type Link = {
  id: string;
  subject: string | null;
  claimValue: string | null;
  lastSignInAt: Date | null;
  provider: { nameZh: string; nameEn: string; staffClaim: string };
};
type Provider = { id: string; nameZh: string; nameEn: string; staffClaim: string };

/** 统一身份认证关联 on a staff account's page: its links, removable, and a form to add one. */
export async function StaffLinks({
  staffUserId,
  links,
  providers,
  actions,
}: {
  staffUserId: string;
  links: Link[];
  providers: Provider[];
  /** the route's server actions (components do not import app/) */
  actions: { link: FormAction; unlink: (formData: FormData) => Promise<void> };
}) {
  const t = await getTranslations("sso.links");
  const english = (await getLocale()) === "en";
  const name = (p: { nameZh: string; nameEn: string }) => (english ? p.nameEn : p.nameZh);
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-600">{t("lead")}</p>
      {links.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="staff-links">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2.5">
              <span>
                <span className="font-medium">{name(l.provider)}</span>
                <span className="block break-all font-mono text-xs text-slate-600">
                  {l.subject ? t("bySubject", { subject: l.subject }) : null}
                  {!l.subject && l.claimValue
                    ? t("byClaim", { claim: l.provider.staffClaim, value: l.claimValue })
                    : null}
                </span>
                {l.lastSignInAt ? (
                  <span className="block text-xs text-slate-600">
                    {t("lastUsed", { time: formatDateTime(l.lastSignInAt) })}
                  </span>
                ) : null}
              </span>
              <form action={actions.unlink}>
                <input type="hidden" name="staffUserId" value={staffUserId} />
                <input type="hidden" name="linkId" value={l.id} />
                <Button
                  type="submit"
                  variant="secondary"
                  aria-label={t("removeLabel", { name: name(l.provider) })}
                >
                  {t("remove")}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {providers.length === 0 ? (
        <p className="text-slate-600">{t("noProviders")}</p>
      ) : (
        <ClientMessages namespaces={["sso.links"]}>
          <StaffLinkForm
            staffUserId={staffUserId}
            action={actions.link}
            providers={providers.map((p) => ({ id: p.id, name: name(p), staffClaim: p.staffClaim }))}
          />
        </ClientMessages>
      )}
    </div>
  );
}
