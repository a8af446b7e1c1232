"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { helpHref } from "@/lib/help/topics";
import { CheckboxField } from "./CheckboxField";
import type { RegistrarContact } from "@/lib/settings";

const link = "font-semibold text-brand-700 underline underline-offset-4";

/** 手机号码已被注册: the three ways out (shown only after the SMS code for that phone was verified). */
export function PhoneTakenHelp({ contact }: { contact: RegistrarContact }) {
  const t = useTranslations("register.phoneTaken");
  const details = [contact.phone, contact.office, contact.email, contact.hours].filter(Boolean).join(" · ");
  return (
    <div className="mt-2 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
      <p className="font-medium">{t("lead")}</p>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5">
        <li>
          <Link href="/login" className={link}>
            {t("login")}
          </Link>
        </li>
        <li>
          <Link href="/recover/password" className={link}>
            {t("recover")}
          </Link>
        </li>
        <li>
          <details>
            <summary className="cursor-pointer font-semibold text-brand-700 underline underline-offset-4">
              {t("support")}
            </summary>
            <p className="mt-1.5 leading-relaxed">{t("supportText")}</p>
            <p className="mt-1.5">
              <Link href="/register/phone-release" className={link}>
                {t("release")}
              </Link>
            </p>
            {details ? (
              <p className="mt-1">
                {t("contact")} {details}
              </p>
            ) : null}
          </details>
        </li>
      </ol>
      <p className="mt-2">
        <Link href={helpHref("phone-taken")} className={link}>
          {t("help")}
        </Link>
      </p>
    </div>
  );
}

/** 证件号码已被注册: sign in / recover, or 我要重新注册 with its warning. */
export function IdTakenHelp({ checked }: { checked: boolean }) {
  const t = useTranslations("register.idTaken");
  return (
    <div className="mt-2 space-y-3 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
      <p id="reRegister-warning" className="leading-relaxed">
        {t("warning")}
      </p>
      <CheckboxField
        id="reRegister"
        label={<span className="font-semibold">{t("reRegister")}</span>}
        describedBy="reRegister-warning"
        defaultChecked={checked}
      />
      <p>
        {t("usedBefore")}{" "}
        <Link href="/login" className={link}>
          {t("login")}
        </Link>
      </p>
      <p>
        <Link href={helpHref("id-taken")} className={link}>
          {t("help")}
        </Link>
      </p>
      <p>
        {t("forgot")}{" "}
        <Link href="/recover/password" className={link}>
          {t("recoverPassword")}
        </Link>
        {" / "}
        <Link href="/recover/username" className={link}>
          {t("recoverUsername")}
        </Link>
      </p>
    </div>
  );
}
