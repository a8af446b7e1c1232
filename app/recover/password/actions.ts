"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import {
  recoveryMethods,
  resetWithAnswers,
  resetWithEmailToken,
  resetWithSmsCode,
  sendRecoveryEmail,
  sendRecoverySms,
  startPasswordRecovery,
  ticketExpired,
} from "@/lib/accounts/recover-password";
import type { RecoverPasswordData, RecoveryStep, ResetLinkData } from "@/lib/accounts/form-states";
import { codeRefusal, codeSentMessage, localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import { text } from "@/lib/core/form-fields";
import type { FormState } from "@/lib/core/form-state";
import type { RequestMeta } from "@/lib/core/request-meta";
import { kindOf, ok, type Result } from "@/lib/core/result";
import { createCaptcha } from "@/lib/security/captcha";

const schema = z.object({
  intent: z
    .enum(["start", "sms", "email", "questions", "resetSms", "resetQuestions", "back"])
    .default("start"),
  username: text(254),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
  ticket: text(100),
  code: text(20),
  password: text(1024),
  confirmPassword: text(1024),
  answer1: text(200),
  answer2: text(200),
  answer3: text(200),
});

type Input = z.infer<typeof schema>;
type State = FormState<RecoverPasswordData>;
/** Where a step leads: the form's next state (its status and step). */
type Next = { status: "idle" | "success"; data: RecoverPasswordData };

/** Each step calls one service; a ticket that ran out sends the person back to the start. */
async function step(meta: RequestMeta, input: Input): Promise<Result<Next>> {
  if (input.intent === "start") {
    const r = await startPasswordRecovery(input, meta);
    return r.ok ? ok({ status: "idle", data: { step: "methods", ...r.value } }) : r;
  }
  const { ticket } = input;
  if (input.intent === "resetSms") return done(localizeTimes(await resetWithSmsCode(input)));
  if (input.intent === "resetQuestions")
    return done(
      localizeTimes(
        await resetWithAnswers({ ...input, answers: [input.answer1, input.answer2, input.answer3] }),
      ),
    );
  const methods = await recoveryMethods(ticket);
  if (!methods) return ticketExpired();
  switch (input.intent) {
    case "sms": {
      const r = codeRefusal(await sendRecoverySms(ticket, meta));
      return r.ok
        ? ok({ status: "idle", data: { step: "sms", ticket, methods, resendAt: r.value.resendAt } })
        : r;
    }
    case "email": {
      const r = localizeTimes(await sendRecoveryEmail(ticket, messageBaseUrl()));
      return r.ok ? ok({ status: "success", data: { step: "emailSent", email: r.value.email } }) : r;
    }
    case "questions":
    case "back": {
      const next = input.intent === "questions" && methods.questions ? "questions" : "methods";
      return ok({ status: "idle", data: { step: next, ticket, methods } });
    }
  }
}

function done(result: Result<null>): Result<Next> {
  return result.ok ? ok({ status: "success", data: { step: "done" } }) : result;
}

/** The step a refused submission stays on. */
const STAY: Record<Input["intent"], RecoveryStep> = {
  start: "start",
  sms: "sms",
  email: "methods",
  questions: "methods",
  back: "methods",
  resetSms: "sms",
  resetQuestions: "questions",
};

/**
 * 找回密码, one step per submission (it works without JavaScript): the `intent` names the step and each
 * step calls one service. The recovery ticket travels in a hidden field.
 */
export const recoverPasswordAction = publicAction(schema, step, {
  invalid: "register.tooLong",
  secret: ["answer1", "answer2", "answer3", "captchaAnswer", "ticket"],
  onOk: async (next, _input, { t, values }): Promise<State> => {
    if (next.data.step === "done") return next;
    const notice =
      next.data.step === "sms" ? await codeSentMessage(t, next.data.methods?.sms ?? "") : undefined;
    return { ...next, values, data: notice ? { ...next.data, notice } : next.data };
  },
  onFail: async (state, failure, { input }): Promise<State> => {
    const kind = kindOf(failure);
    // Bad input, or a ticket that ran out: back to the start with a new picture.
    if (!input || (kind === "notFound" && input.intent !== "start"))
      return { ...state, data: { step: "start", captcha: await createCaptcha() } };
    if (input.intent === "start")
      return {
        ...state,
        data: {
          step: "start",
          captcha: await createCaptcha(),
          // the username is unknown / has no method: the page points to re-registration
          reRegister: kind === "notFound",
          refused: kind === "rateLimited",
        },
      };
    const methods = (await recoveryMethods(input.ticket)) ?? undefined;
    return { ...state, data: { step: STAY[input.intent], ticket: input.ticket, methods } };
  },
});

/** /recover/password/reset?token=…: the new password for the account the e-mailed link names. */
export const resetByLinkAction = publicAction(
  z.object({ password: text(1024), confirmPassword: text(1024), token: text(100) }),
  (_meta, input) => resetWithEmailToken(input),
  {
    invalid: "register.tooLong",
    echo: false,
    onOk: (): FormState<ResetLinkData> => ({ status: "success", data: { done: true } }),
  },
);
