/**
 * What the identity forms' actions answer (app/identity, app/register/phone-release), for the forms that
 * receive them.
 */

/** 身份核验 forms: the message shown after a success. */
export type IdentityFormData = { message?: string };

/** 手机号被占用 (release a recycled number): the code step, then the request. */
export type ReleaseData = {
  resendAt?: string;
  codeMessage?: string;
  codeRequest?: boolean;
  submitted?: string;
};
