"use client";

import { useEffect, useState, useSyncExternalStore, useTransition, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { buttonClass } from "@/components/ui/Button";

const noopSubscribe = () => () => {};

/**
 * 免费获取. Without JavaScript it is a submit button of the form (name="intent" value=<intent>): the form's
 * one action sees the intent, sends the code and hands the typed values back. With JavaScript it sends the
 * same form data in a transition — the form is not reset, so typed passwords stay — and counts down the 60
 * seconds before a new code.
 *
 * Why not a second action through formAction: with two useActionState hooks in one form, React renders a
 * hidden $ACTION_KEY for each, and the no-JavaScript post-back only honours the first one, so the code
 * action's state (the typed values) would be lost.
 */
export function SendCodeButton({
  action,
  resendAt,
  intent,
  className,
}: {
  action: (formData: FormData) => void;
  resendAt?: string;
  /** the form field "intent" that tells the form's action to send a code */
  intent: string;
  className?: string;
}) {
  const t = useTranslations("register.code");
  const hydrated = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const [now, setNow] = useState(() => Date.now());
  const [sending, startTransition] = useTransition();

  useEffect(() => {
    if (!resendAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [resendAt]);

  const remaining =
    hydrated && resendAt ? Math.min(60, Math.max(0, Math.ceil((Date.parse(resendAt) - now) / 1000))) : 0;

  function onClick(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    event.preventDefault();
    const data = new FormData(form);
    data.set("intent", intent);
    startTransition(() => action(data));
  }

  return (
    <button
      type="submit"
      formNoValidate
      name="intent"
      value={intent}
      onClick={onClick}
      disabled={sending || remaining > 0}
      className={buttonClass("secondary", cn("shrink-0 whitespace-nowrap tabular-nums", className))}
    >
      {sending ? t("sending") : remaining > 0 ? t("resendIn", { seconds: remaining }) : t("send")}
    </button>
  );
}
