import type { Captcha } from "@/lib/security/captcha";

/** What the staff sign-in form keeps between tries: the picture captcha once one is required. */
export type StaffLoginData = { captcha?: Captcha };
