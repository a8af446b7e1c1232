"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteUnitAction } from "@/app/registrar/organisation/actions";
import { idleForm } from "@/lib/core/form-state";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

/** 合并… and 删除 for one unit; a refused delete says why next to the button. */
export function UnitActions({
  kind,
  id,
  name,
}: {
  kind: "college" | "major" | "classGroup";
  id: string;
  name: string;
}) {
  const t = useTranslations("registrar.organisation");
  const [state, action, pending] = useActionState(deleteUnitAction, idleForm);
  const small =
    "inline-flex min-h-9 items-center rounded-md px-2 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Link
        href={`/registrar/organisation/merge?kind=${kind}&id=${encodeURIComponent(id)}`}
        className={`${small} text-brand-700`}
        aria-label={t("merge.linkNamed", { name })}
      >
        {t("merge.link")}
      </Link>
      <form action={action}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className={`${small} text-red-700`}
          aria-label={t("delete.buttonNamed", { name })}
        >
          {t("delete.button")}
        </button>
      </form>
      {state.status === "error" && state.error ? (
        <span role="alert" className="basis-full text-xs text-red-700">
          {state.error}
          <SignInAgainLink signIn={state.signIn} then />
        </span>
      ) : null}
    </span>
  );
}
