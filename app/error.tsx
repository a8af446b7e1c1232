"use client";

import { useLocale } from "next-intl";
import { Unavailable, UNAVAILABLE_TEXT } from "@/components/layout/Unavailable";

/**
 * A page or form that failed on the server (the database restarting, most often): a calm "please try
 * again" in the reader's language inside the normal layout, never the error itself. scripts/serve.ts sends
 * it as 503 while the database is unreachable.
 */
export default function ErrorPage() {
  const locale = useLocale();
  return <Unavailable text={locale === "en" ? UNAVAILABLE_TEXT.en : UNAVAILABLE_TEXT["zh-CN"]} />;
}
