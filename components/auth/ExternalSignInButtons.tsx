import { getLocale, getTranslations } from "next-intl/server";
import type { ProviderButton } from "@/lib/external-sign-in/providers";
import { Button } from "@/components/ui/Button";

/**
 * One button per configured provider (统一身份认证登录 on /staff/login, 其他登录方式 on /login). Each is a
 * plain form POST, so it works without JavaScript; the server sends the browser on to the provider.
 */
export async function ExternalSignInButtons({
  providers,
  action,
  heading,
  hint,
  next,
}: {
  providers: ProviderButton[];
  action: (formData: FormData) => Promise<void>;
  heading: string;
  hint: string;
  next?: string;
}) {
  if (providers.length === 0) return null;
  const t = await getTranslations("sso.signIn");
  const english = (await getLocale()) === "en";
  return (
    <section aria-labelledby="external-sign-in-heading" className="space-y-3">
      <div>
        <h2 id="external-sign-in-heading" className="font-semibold">
          {heading}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{hint}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        {providers.map((p) => (
          <form key={p.slug} action={action} className="w-full sm:w-auto">
            <input type="hidden" name="provider" value={p.slug} />
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <Button type="submit" variant="secondary" className="w-full sm:w-auto">
              {t("button", { name: english ? p.nameEn : p.nameZh })}
            </Button>
          </form>
        ))}
      </div>
    </section>
  );
}
