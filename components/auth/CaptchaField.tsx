"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { newCaptchaAction } from "@/lib/security/captcha-refresh";
import { TextField } from "@/components/ui/Field";

/**
 * The picture captcha: image, hidden challenge id, the answer field and 换一张 (a new picture without
 * reloading the form, so nothing typed elsewhere is lost). Parents give it key={id}, so a new challenge
 * from the server starts fresh.
 */
export function CaptchaField({ id, image, error }: { id: string; image: string; error?: string }) {
  const t = useTranslations("signIn");
  const tc = useTranslations("common.actions");
  const [captcha, setCaptcha] = useState({ id, image });
  const [limited, setLimited] = useState(false);
  const [refreshing, startTransition] = useTransition();

  const refresh = () =>
    startTransition(async () => {
      const next = await newCaptchaAction(captcha.id);
      if (next) setCaptcha(next);
      setLimited(!next);
    });

  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-1">
      <input type="hidden" name="captchaId" value={captcha.id} />
      <TextField
        key={captcha.id}
        id="captchaAnswer"
        label={t("captcha")}
        hint={limited ? t("captchaRefreshLimited") : t("captchaHint")}
        error={captcha.id === id ? error : undefined}
        autoComplete="off"
        autoCapitalize="characters"
        inputMode="text"
        maxLength={8}
        required
        className="min-w-40 flex-1"
      />
      <div className="mb-7 flex items-center gap-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per request */}
        <img
          src={captcha.image}
          alt={t("captchaImageAlt")}
          width={132}
          height={44}
          className="rounded-md ring-1 ring-slate-300"
          data-captcha-id={captcha.id}
        />
        <button
          type="button"
          onClick={refresh}
          disabled={refreshing}
          className="min-h-11 whitespace-nowrap rounded-md px-2 text-sm font-semibold text-brand-700 underline underline-offset-4 disabled:opacity-60"
        >
          {tc("refresh")}
        </button>
      </div>
    </div>
  );
}
