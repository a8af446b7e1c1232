"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { signInStaff, staffCaptchaRequired } from "@/lib/staff/sign-in";
import type { StaffLoginData } from "@/lib/staff/form-states";
import { localizeTimes } from "@/lib/accounts/messages";
import { createCaptcha } from "@/lib/security/captcha";
import { setSessionCookie } from "@/lib/auth/cookie";
import { resolveSession } from "@/lib/auth/sessions";
import { homePathFor } from "@/lib/auth/policy";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { startSignIn } from "@/lib/external-sign-in/start";
import { externalSchema, flowContext, refusalQuery } from "@/lib/external-sign-in/action-support";

const schema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

type State = FormState<StaffLoginData>;

export const staffLogin = publicAction(
  schema,
  async (meta, input) => {
    // The lock message says until when, in the school's time zone.
    const result = await signInStaff(input, meta);
    if (!result.ok) return localizeTimes(result);
    await setSessionCookie(result.value.sessionId, "staff");
    return result;
  },
  {
    invalid: "signIn.required",
    onOk: async (value): Promise<never> => {
      const actor = await resolveSession(value.sessionId);
      redirect(actor ? homePathFor(actor) : "/");
    },
    // After enough failures (for this name or this address) the next try needs a picture captcha.
    onFail: async (state, _failure, { input }): Promise<State> => {
      if (!input) return state;
      const needCaptcha = await staffCaptchaRequired(input.username, (await requestMeta()).ip);
      return { ...state, data: needCaptcha ? { captcha: await createCaptcha() } : undefined };
    },
  },
);

const externalSignIn = publicAction(
  externalSchema,
  async (_meta, input) => startSignIn({ slug: input.provider, audience: "staff" }, await flowContext()),
  {
    invalid: "signIn.required",
    onOk: (value) => redirect(value.url),
    onFail: (_state, failure, { input }) =>
      redirect(input ? `/staff/login?${refusalQuery(failure.error)}` : "/staff/login?sso=not_configured"),
  },
);

/** 统一身份认证登录: sends the browser to the campus identity system. */
export async function staffExternalSignIn(formData: FormData): Promise<void> {
  await externalSignIn(idleForm, formData);
}
