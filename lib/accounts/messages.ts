import { formatDateTime } from "@/lib/i18n/format";
import type { Message } from "@/lib/core/result";

/**
 * Services put instants into message params as ISO strings ("until", "retryAt"); people read them in the
 * school's time zone. Used by the actions before translating.
 */
export function localizeTimes<R extends { error?: Message; fieldErrors?: Record<string, Message> }>(
  result: R,
): R {
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
