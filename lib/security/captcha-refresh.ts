"use server";

import { z } from "zod";
import { requestMeta } from "@/lib/core/request-meta";
import { refreshCaptcha, type Captcha } from "./captcha";

const previous = z.string().max(64).nullable();

/**
 * 换一张: a new picture captcha (rate-limited per address); null when the limit is reached. The one server
 * action every captcha field calls, wherever its form lives (student and staff sign-in, recovery), so it
 * sits beside the captcha rather than under one route. It takes the previous id, not a form, so it is not
 * a form action of lib/auth/action.ts.
 */
export async function newCaptchaAction(previousId: string | null): Promise<Captcha | null> {
  const parsed = previous.safeParse(previousId);
  return refreshCaptcha(parsed.success ? parsed.data : null, (await requestMeta()).ip);
}
