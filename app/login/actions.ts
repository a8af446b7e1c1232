"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { captchaRequired, signInStudent } from "@/lib/accounts/sign-in";
import type { LoginData } from "@/lib/accounts/form-states";
import { localizeTimes } from "@/lib/accounts/messages";
import { setSessionCookie } from "@/lib/auth/cookie";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { safeNextPath } from "@/lib/core/safe-next";
import { createCaptcha } from "@/lib/security/captcha";
import { startSignIn } from "@/lib/external-sign-in/start";
import { externalSchema, flowContext, refusalQuery } from "@/lib/external-sign-in/action-support";

const schema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
  next: z.string().max(200).optional(),
});

type State = FormState<LoginData>;

export const studentLogin = publicAction(
  schema,
  async (meta, input) => {
    // The lock message says until when, in the school's time zone.
    const result = localizeTimes(await signInStudent(input, meta));
    if (result.ok) await setSessionCookie(result.value.sessionId, "student");
    return result;
  },
  {
    invalid: "signIn.required",
    onOk: (value, input): never =>
      redirect(safeNextPath(input.next) ?? (value.identityStatus === "pending" ? "/identity" : "/record")),
    // After enough failures (for this name or this address) the next try needs a picture captcha.
    onFail: async (state, _failure, { input }): Promise<State> => {
      if (!input) return state;
      const needCaptcha = await captchaRequired(input.username, (await requestMeta()).ip);
      return { ...state, data: needCaptcha ? { captcha: await createCaptcha() } : undefined };
    },
  },
);

const externalSignIn = publicAction(
  externalSchema,
  async (_meta, input) =>
    startSignIn(
      { slug: input.provider, audience: "students", next: safeNextPath(input.next) },
      await flowContext(),
    ),
  {
    invalid: "signIn.required",
    onOk: (value) => redirect(value.url),
    onFail: (_state, failure, { input }) =>
      redirect(input ? `/login?${refusalQuery(failure.error)}` : "/login?sso=not_configured"),
  },
);

/** 其他登录方式: sends the browser to the chosen provider; a refusal comes back to /login?sso=<reason>. */
export async function studentExternalSignIn(formData: FormData): Promise<void> {
  await externalSignIn(idleForm, formData);
}
