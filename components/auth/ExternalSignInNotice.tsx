import { getTranslations } from "next-intl/server";
import { isFailureReason } from "@/lib/external-sign-in/failures";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";

/**
 * Why an external sign-in did not go through (the callback sends `?sso=<reason>`). Unknown values are
 * ignored: the query string is the visitor's to edit.
 */
export async function ExternalSignInNotice({
  reason,
  until,
  seconds,
  extra,
  className,
}: {
  reason?: string;
  until?: string;
  seconds?: string;
  extra?: string;
  className?: string;
}) {
  if (!isFailureReason(reason)) return null;
  const t = await getTranslations("sso.errors");
  const untilDate = until && !Number.isNaN(Date.parse(until)) ? formatDateTime(until) : "—";
  const wait = Number(seconds);
  return (
    <Alert tone="error" className={className}>
      <p data-testid="sso-error">
        {t(reason, { until: untilDate, seconds: Number.isFinite(wait) && wait > 0 ? wait : 60 })}
      </p>
      {extra ? <p className="mt-1">{extra}</p> : null}
    </Alert>
  );
}
