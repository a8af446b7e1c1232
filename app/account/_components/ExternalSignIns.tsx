import { getLocale, getTranslations } from "next-intl/server";
import { unbindAction } from "@/app/account/actions";
import type { ProviderButton } from "@/lib/external-sign-in/providers";
import { formatDateTime } from "@/lib/i18n/format";
import { Button } from "@/components/ui/Button";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { BindExternalForm } from "./BindExternalForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

type Binding = {
  id: string;
  createdAt: Date;
  lastSignInAt: Date | null;
  subjectMasked: string;
  provider: { slug: string; nameZh: string; nameEn: string };
};

/**
 * 第三方账号绑定 (SPEC §2.5): each binding with its provider, when it was made and the masked external
 * subject, with 解除绑定; below, a bind form for each student provider not bound yet.
 */
export async function ExternalSignIns({
  providers,
  bindings,
}: {
  providers: ProviderButton[];
  bindings: Binding[];
}) {
  const t = await getTranslations("sso.bind");
  const english = (await getLocale()) === "en";
  const name = (p: { nameZh: string; nameEn: string }) => (english ? p.nameEn : p.nameZh);
  const bound = new Set(bindings.map((b) => b.provider.slug));
  const unbound = providers.filter((p) => !bound.has(p.slug));
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-600">{providers.length || bindings.length ? t("lead") : t("none")}</p>
      {bindings.length > 0 ? (
        <DataTable caption={t("listCaption")} stack flush>
          <thead>
            <tr>
              <Th>{t("provider")}</Th>
              <Th>{t("boundAt")}</Th>
              <Th>{t("subject")}</Th>
              <Th>{t("lastUsed")}</Th>
              <Th>
                <span className="sr-only">{t("unbind")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {bindings.map((b) => (
              <tr key={b.id}>
                <Td label={t("provider")} className="font-medium">
                  {name(b.provider)}
                </Td>
                <Td label={t("boundAt")} className="tabular-nums">
                  {formatDateTime(b.createdAt)}
                </Td>
                <Td label={t("subject")} className="font-mono">
                  {b.subjectMasked}
                </Td>
                <Td label={t("lastUsed")} className="tabular-nums">
                  {b.lastSignInAt ? formatDateTime(b.lastSignInAt) : t("never")}
                </Td>
                <Td label={t("unbind")}>
                  <form action={unbindAction}>
                    <input type="hidden" name="id" value={b.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      aria-label={t("unbindLabel", { name: name(b.provider) })}
                    >
                      {t("unbind")}
                    </Button>
                  </form>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {unbound.length > 0 ? (
        <div className="space-y-3">
          <h3 className="font-semibold">{t("available")}</h3>
          <ClientMessages namespaces={["sso.bind"]}>
            {unbound.map((p) => (
              <BindExternalForm key={p.slug} slug={p.slug} name={name(p)} />
            ))}
          </ClientMessages>
        </div>
      ) : null}
    </div>
  );
}
