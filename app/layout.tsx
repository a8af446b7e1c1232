import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { setLocale } from "./actions/locale";
import { signOut } from "./actions/sign-out";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { DemoBanner } from "@/components/layout/DemoBanner";
import { showDemoBanner } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const meta = await getTranslations("meta");
  return {
    title: { default: t("appFullName"), template: `%s · ${t("appName")}` },
    description: meta("default"),
    applicationName: t("appName"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#10295c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        {/* locale and time zone for client components; their messages come from ClientMessages */}
        <NextIntlClientProvider messages={null}>
          {showDemoBanner() ? <DemoBanner /> : null}
          <SiteHeader signOut={signOut} setLocale={setLocale} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
