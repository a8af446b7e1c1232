"use client";

import { createContext, useActionState, useContext, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { RevealAction, RevealState } from "@/lib/progress/reveal-state";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";
import { rowMessage } from "@/lib/i18n/row-message";

type Kind = "id" | "phone";
type Outcome = { value: string } | { error: string; signIn?: RevealState["signIn"] };
type Translate = ReturnType<typeof useTranslations>;
type Side = {
  pending: boolean;
  outcomes: Record<string, Outcome>;
  t: Translate;
  /** the button's label for a row, formatted once for the table (lib/i18n/row-message.ts) */
  label: (values: { name: string }) => string;
};

const FORM_ID: Record<Kind, string> = { id: "reveal-id-form", phone: "reveal-phone-form" };
const idle: RevealState = { status: "idle" };
const RevealContext = createContext<Record<Kind, Side> | null>(null);

function withOutcome(outcomes: Record<string, Outcome>, state: RevealState): Record<string, Outcome> {
  const recordId = state.data?.recordId ?? state.values?.recordId;
  if (!recordId) return outcomes;
  if (state.status === "success" && state.data)
    return { ...outcomes, [recordId]: { value: state.data.value } };
  if (state.status === "error")
    return { ...outcomes, [recordId]: { error: state.error ?? "", signIn: state.signIn } };
  return outcomes;
}

/** Every row's answer so far: the action answers for one row at a time, the table keeps what it showed. */
function useOutcomes(state: RevealState): Record<string, Outcome> {
  const [kept, setKept] = useState(() => ({ from: state, outcomes: withOutcome({}, state) }));
  if (kept.from === state) return kept.outcomes;
  const next = { from: state, outcomes: withOutcome(kept.outcomes, state) };
  setKept(next);
  return next.outcomes;
}

/**
 * One form per kind of reveal for the whole not-checked table (instead of one per row: a row's form and its
 * hidden action fields were most of the page's weight). Each row's button submits it with its record id
 * (`form=` and `name=recordId`), so it still works without JavaScript; the answer shows in that row.
 */
export function RevealForms({
  revealId,
  revealPhone,
  children,
}: {
  revealId: RevealAction;
  revealPhone: RevealAction;
  children: ReactNode;
}) {
  const [idState, idAction, idPending] = useActionState(revealId, idle);
  const [phoneState, phoneAction, phonePending] = useActionState(revealPhone, idle);
  const id = useOutcomes(idState);
  const phone = useOutcomes(phoneState);
  // one translator and one label per kind for the whole table, not one per cell (40 on a page of 20 rows)
  const tId = useTranslations("progress.reveal");
  const tPhone = useTranslations("progress.phone");
  const idLabel = useMemo(() => rowMessage(tId, "label", ["name"]), [tId]);
  const phoneLabel = useMemo(() => rowMessage(tPhone, "label", ["name"]), [tPhone]);
  return (
    <RevealContext.Provider
      value={{
        id: { pending: idPending, outcomes: id, t: tId, label: idLabel },
        phone: { pending: phonePending, outcomes: phone, t: tPhone, label: phoneLabel },
      }}
    >
      <form id={FORM_ID.id} action={idAction} hidden />
      <form id={FORM_ID.phone} action={phoneAction} hidden />
      {children}
    </RevealContext.Provider>
  );
}

/** A row's masked ID number or phone with its 查看 button (inside RevealForms); the full value once the server answered. */
export function RevealCell({
  kind,
  recordId,
  masked,
  name,
}: {
  kind: Kind;
  recordId: string;
  masked: string;
  name: string;
}) {
  const side = useContext(RevealContext)?.[kind];
  if (!side) throw new Error("RevealCell belongs inside RevealForms");
  const { t } = side;
  const outcome = side.outcomes[recordId];
  if (outcome && "value" in outcome) {
    return kind === "id" ? (
      <span className="font-mono text-xs" aria-live="polite">
        {outcome.value}
      </span>
    ) : (
      <a
        href={`tel:${outcome.value}`}
        aria-label={t("call", { name, phone: outcome.value })}
        aria-live="polite"
        className="font-mono text-xs text-brand-700 underline underline-offset-2"
      >
        {outcome.value}
      </a>
    );
  }
  return (
    <span className="reveal-cell">
      <span>{masked}</span>
      {/* a submit button (the default type) of the table's form; styled by .reveal-cell; that a reveal is
          logged is said once above the table, not in a title on every button */}
      <button
        form={FORM_ID[kind]}
        name="recordId"
        value={recordId}
        disabled={side.pending}
        aria-label={side.label({ name })}
      >
        {t("button")}
      </button>
      {outcome ? (
        <span role="alert" className="min-w-40 text-xs whitespace-normal text-red-700">
          {/* the session ended: a short line and the sign-in in a new window; the list stays as it is */}
          {outcome.signIn ? (
            <>
              {t("signedOut")}
              <SignInAgainLink signIn={outcome.signIn} />
            </>
          ) : (
            outcome.error || t("failed")
          )}
        </span>
      ) : null}
    </span>
  );
}
