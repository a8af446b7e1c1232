"use server";

import { z } from "zod";
import { studentAction } from "@/lib/auth/action";
import { localizeTimes } from "@/lib/accounts/messages";
import { checkbox, text } from "@/lib/core/form-fields";
import { formError } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import type { ClosureFormState } from "@/lib/privacy/form-states";
import { requestClosure, withdrawClosure } from "@/lib/privacy/closure";

const closure = {
  allowPending: true,
  next: "/account",
  revalidate: () => ["/account"],
  onOk: (): ClosureFormState => ({ status: "success", data: { at: Date.now() } }),
};

/** 注销账号: reason, password and the confirmation box; the service decides everything else. */
export const requestClosureAction = studentAction(
  z.object({ reason: text(4000), currentPassword: text(1024), confirm: checkbox }),
  async (actor, input) => localizeTimes(await requestClosure(actor, input, await requestMeta())),
  {
    ...closure,
    invalid: "privacy.closure.errors.reasonTooLong",
    secret: ["currentPassword"],
    // Only an absurdly long reason fails the schema: said at the field, with the limit people see.
    onFail: (state, _failure, { t, values, input }): ClosureFormState =>
      input
        ? { ...state, data: { at: Date.now() } }
        : formError(
            t,
            {
              fieldErrors: { reason: { key: "privacy.closure.errors.reasonTooLong", params: { max: 500 } } },
            },
            values,
          ),
  },
);

export const withdrawClosureAction = studentAction(
  z.object({}),
  async (actor) => withdrawClosure(actor, await requestMeta()),
  { ...closure, invalid: "privacy.closure.errors.notFound", echo: false },
);
