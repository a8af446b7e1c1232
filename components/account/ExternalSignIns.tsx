import { getTranslations } from "next-intl/server";
import { unbindAction } from "@/app/account/actions";
import { formatDate } from "@/lib/i18n/format";
import { Button } from "@/components/ui/Button";

/**
 * Bound external sign-ins (WeChat/Alipay-style OIDC providers the admin configures). No provider, no
 * button: the section says plainly when it will appear. Existing bindings can always be removed.
 */
export async function ExternalSignIns({
  providers,
  bindings,
}: {
  providers: string[];
  bindings: { id: string; provider: string; createdAt: Date }[];
}) {
  const t = await getTranslations("account.external");
  return (
    <div className="space-y-3 text-sm">
      {providers.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <p className="text-slate-600">{t("configured", { names: providers.join("、") })}</p>
      )}
      {bindings.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {bindings.map((b) => (
            <li key={b.id} className="flex items-center justify-between gap-3 px-4 py-2.5">
              <span>{t("bound", { provider: b.provider, date: formatDate(b.createdAt) })}</span>
              <form action={unbindAction}>
                <input type="hidden" name="id" value={b.id} />
                <Button type="submit" variant="secondary">
                  {t("unbind")}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
