import { apiHandler, readJsonBody } from "@/lib/api/handler";
import { describe, describeFields } from "@/lib/api/messages";
import { apiError, json, zodFieldErrors } from "@/lib/api/respond";
import { upsertRecords } from "@/lib/api/records-upsert";
import { headersOf, statusOf } from "@/lib/core/failure-status";
import { upsertEnvelopeSchema } from "@/lib/api/schemas";

const MAX_BODY_BYTES = 4_000_000;

/** Upserts up to 1000 enrollment records by 学号; see docs/api.md. */
export const PUT = apiHandler({ permission: "roster.import" }, async (ctx) => {
  const body = await readJsonBody(ctx, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const envelope = upsertEnvelopeSchema.safeParse(body.value);
  if (!envelope.success)
    return apiError(
      400,
      "api.errors.invalidBody",
      ctx.t("api.errors.invalidBody"),
      zodFieldErrors(envelope.error),
    );

  const label = `api-${ctx.actor.tokenName}-${new Date().toISOString()}`.replace(/[^\w.-]+/g, "_");
  const result = await upsertRecords(ctx.actor, envelope.data.records, label);
  if (!result.ok) {
    const error = describe(ctx.t, result.error ?? { key: "api.errors.internal" });
    // forbidden: items outside the token's colleges, named per field; busy: a commit running, try again
    return apiError(
      statusOf(result),
      error.code,
      error.message,
      result.kind === "forbidden" ? describeFields(ctx.t, result.fieldErrors ?? {}) : undefined,
      headersOf(result),
    );
  }
  const results = result.value.results.map((r) => ({
    index: r.index,
    studentNumber: r.studentNumber,
    outcome: r.outcome,
    ...(r.issues ? { issues: r.issues.map((i) => ({ field: i.field, ...describe(ctx.t, i.message) })) } : {}),
  }));
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return json({
    importJobId: result.value.importJobId,
    summary: {
      received: results.length,
      created: count("created"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      errors: count("error"),
      conflicts: count("conflict"),
    },
    results,
  });
});
