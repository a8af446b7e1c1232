import { formatDateTime } from "@/lib/i18n/format";
import type { Message } from "@/lib/core/result";
import { codeLifetimeMinutes } from "@/lib/settings";

/** A service's Result, or a failure: its messages (a success passes through untouched). */
type Messages = { ok?: boolean; error?: Message; fieldErrors?: Record<string, Message> };

/**
 * Services put instants into message params as ISO strings ("until", "retryAt"); people read them in the
 * school's time zone. Used by the actions before translating.
 */
export function localizeTimes<R extends Messages>(result: R): R {
  if (result.ok) return result;
  const fix = (m: Message | undefined): Message | undefined => {
    if (!m?.params) return m;
    const params = { ...m.params };
    for (const k of ["until", "retryAt"])
      if (typeof params[k] === "string") params[k] = formatDateTime(params[k] as string);
    return { ...m, params };
  };
  return {
    ...result,
    error: fix(result.error),
    fieldErrors: result.fieldErrors
      ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, m]) => [k, fix(m) as Message]))
      : undefined,
  };
}

/**
 * A refused 免费获取 (SMS code) is shown under the code field, where the countdown is, in local time; a
 * refusal already at a field (the phone) stays there.
 */
export function codeRefusal<R extends Messages>(result: R): R {
  const r = localizeTimes(result);
  return r.ok || r.fieldErrors || !r.error ? r : { ...r, error: undefined, fieldErrors: { code: r.error } };
}

/** "验证码已发送至 138****0000, N 分钟内有效": the phone already masked. */
export async function codeSentMessage(
  t: (key: string, params: Record<string, string | number>) => string,
  maskedPhone: string,
): Promise<string> {
  return t("register.code.sent", { phone: maskedPhone, minutes: await codeLifetimeMinutes() });
}
