import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";

/** Web app manifest (/manifest.webmanifest): name and icons when the portal is added to a home screen. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("common");
  const meta = await getTranslations("meta");
  return {
    name: t("appFullName"),
    short_name: t("appName"),
    description: meta("default"),
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#10295c",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
