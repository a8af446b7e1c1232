"use server";

import { z } from "zod";
import { requestMeta } from "@/lib/core/request-meta";
import { refreshCaptcha, type Captcha } from "@/lib/security/captcha";

const previous = z.string().max(64).nullable();

/** 换一张: a new picture captcha (rate-limited per address); null when the limit is reached. */
export async function newCaptchaAction(previousId: string | null): Promise<Captcha | null> {
  const parsed = previous.safeParse(previousId);
  return refreshCaptcha(parsed.success ? parsed.data : null, (await requestMeta()).ip);
}
