import type { FormState } from "@/lib/core/form-state";
import type { Captcha } from "@/lib/security/captcha";
import type { FoundUsername } from "./recover-username";
import type { RecoveryMethods } from "./recover-password";

/**
 * What the account's and the public forms' actions answer (app/account, app/register, app/recover,
 * app/login): the forms under components/ receive those actions as props typed with these states.
 */

/** 账号管理 forms: `at` tells the form a new answer came (it clears the password fields). */
export type AccountStamp = { at: number; message?: string; resendAt?: string };
export type AccountFormState = FormState<AccountStamp>;

export type VerifyEmailData = { email?: string };

export type RegisterData = {
  conflict?: "phone" | "idNumber";
  nameSuggestion?: string;
  pending?: boolean;
  /** 免费获取: when a new code may be asked for (drives the countdown), and what was sent */
  resendAt?: string;
  codeMessage?: string;
  /** this answer is to 免费获取 */
  codeRequest?: boolean;
};

export type LoginData = { captcha?: Captcha };

export type RecoverUsernameData = {
  captcha: Captcha;
  found?: FoundUsername[];
  /** nothing matched: the page explains re-registering */
  noMatch?: boolean;
  refused?: boolean;
};

export type RecoveryStep = "start" | "methods" | "sms" | "questions" | "emailSent" | "done";
export type RecoverPasswordData = {
  step: RecoveryStep;
  ticket?: string;
  methods?: RecoveryMethods;
  captcha?: Captcha;
  resendAt?: string;
  notice?: string;
  email?: string;
  /** the username is unknown / has no method: the page points to re-registration */
  reRegister?: boolean;
  refused?: boolean;
};

export type ResetLinkData = { done?: boolean };
