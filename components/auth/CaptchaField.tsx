"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";

/** The picture captcha: image, hidden challenge id and the answer field. */
export function CaptchaField({ id, image, error }: { id: string; image: string; error?: string }) {
  const t = useTranslations("signIn");
  return (
    <div className="flex items-end gap-3">
      <input type="hidden" name="captchaId" value={id} />
      <TextField
        id="captchaAnswer"
        label={t("captcha")}
        hint={t("captchaHint")}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        inputMode="text"
        maxLength={8}
        required
        className="flex-1"
      />
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per request */}
      <img
        src={image}
        alt={t("captchaImageAlt")}
        width={132}
        height={44}
        className="mb-7 rounded-md ring-1 ring-slate-300"
        data-captcha-id={id}
      />
    </div>
  );
}
