"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { recoverUsername } from "@/lib/accounts/recover-username";
import type { RecoverUsernameData } from "@/lib/accounts/form-states";
import { text } from "@/lib/core/form-fields";
import type { FormState } from "@/lib/core/form-state";
import { kindOf } from "@/lib/core/result";
import { createCaptcha } from "@/lib/security/captcha";

const schema = z.object({
  idNumber: text(60),
  name: text(100),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

type State = FormState<RecoverUsernameData>;

/** 找回用户名: 证件号码 + 姓名 + 图片验证码. A new picture every time (each one is single use). */
export const recoverUsernameAction = publicAction(schema, (meta, input) => recoverUsername(input, meta), {
  invalid: "register.tooLong",
  secret: ["captchaAnswer"],
  onOk: async (found, _input, { values }): Promise<State> => ({
    status: "success",
    values,
    data: { captcha: await createCaptcha(), found },
  }),
  onFail: async (state, failure, { input }): Promise<State> => {
    const captcha = await createCaptcha();
    if (!input) return { ...state, data: { captcha } };
    // Nothing matched: the page explains re-registering; too many tries: the form is withheld.
    const kind = kindOf(failure);
    return { ...state, data: { captcha, noMatch: kind === "notFound", refused: kind === "rateLimited" } };
  },
});
