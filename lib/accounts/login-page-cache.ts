import "server-only";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip-header";
import { metaFromHeaders } from "@/lib/core/request-meta";
import { registerPublicPageVariant } from "@/lib/ops/public-page-cache";
import { captchaRequired } from "./sign-in";

/**
 * The students' sign-in page is the same for every visitor who is not signed in, except at an address that
 * already failed 3 times: it shows the captcha from the start, a picture made for that visitor, so that
 * page is always rendered for them (lib/ops/public-page-cache.ts). Loaded by app/login/page.tsx.
 */
registerPublicPageVariant("/login", async (req) => {
  const ip = req.headers[CLIENT_IP_HEADER];
  const meta = metaFromHeaders(new Headers(typeof ip === "string" ? { [CLIENT_IP_HEADER]: ip } : {}));
  return (await captchaRequired("", meta.ip)) ? null : "";
});
