import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  apiErrorSchema,
  correctionDetailSchema,
  correctionListQuerySchema,
  correctionListResponseSchema,
  decisionBodySchema,
  decisionResponseSchema,
  selfCheckStatusQuerySchema,
  selfCheckStatusResponseSchema,
  upsertRecordsBodySchema,
  upsertRecordsResponseSchema,
} from "./schemas";
import { studentNumberParamSchema, studentStatusSchema } from "./student-status";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers validate with
 * (zod-to-openapi 8 reads zod 4's `.meta()`, so no global `extendZodWithOpenApi` patch is needed).
 */
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: "Malformed request (fieldErrors name the bad parts)",
    401: "No token, unknown or revoked token (api.errors.invalidToken), or a token past its expiry (api.errors.expiredToken)",
    403: "The token's role may not use this endpoint (api.errors.forbidden); on write endpoints also a read-only token (api.errors.readOnlyToken)",
    404: "Not found — also for objects outside the token's college scope",
    409: "Conflicts with the current state (already decided, another import running)",
    413: "Body too large",
    415: "Body is not application/json",
    422: "Refused by the service's rules (fieldErrors per field)",
    429: "Rate limit of the token reached (Retry-After says when to retry)",
  };
  return Object.fromEntries(statuses.map((s) => [s, json(apiErrorSchema, text[s])]));
}

let cached: object | undefined;

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description:
      "An API token created by an administrator at /admin/tokens (starts with xjt_). Every token has an expiry chosen at creation (30, 90, 180 or 365 days); after it every call answers 401 with code api.errors.expiredToken. A read-only token may call GET endpoints only: PUT /api/v1/records and POST /api/v1/corrections/{id}/decision answer 403 with code api.errors.readOnlyToken.",
  });
  const security = [{ [bearer.name]: [] }];
  const id = z.object({ id: z.string().meta({ description: "correction request id" }) });

  registry.registerPath({
    method: "put",
    path: "/api/v1/records",
    summary: "Upsert enrollment records (学籍) by 学号",
    description:
      "Registrar tokens only. Up to 1000 records per call, validated and applied exactly like a roster import file (one import job per call). Each item gets its own outcome; invalid items do not stop valid ones. A token limited to some colleges gets 403 api.records.collegeOutOfScope (nothing written) when any item names another college or its 学号 belongs to a record of another college.",
    security,
    request: { body: json(upsertRecordsBodySchema, "Records to create or update") },
    responses: {
      200: json(upsertRecordsResponseSchema, "Per-item outcome"),
      ...errors(400, 401, 403, 409, 413, 415, 422, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/self-check-status",
    summary: "Self-check progress of a cohort per college",
    description: "Registrar and college tokens; college-scoped tokens see only their colleges.",
    security,
    request: { query: selfCheckStatusQuerySchema },
    responses: {
      200: json(selfCheckStatusResponseSchema, "Counts per college and totals"),
      ...errors(400, 401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/students/{studentNumber}/status",
    summary: "One student's self-check status by 学号",
    description:
      "Registrar and college tokens; a student of another college than the token's is 404 like an unknown 学号. No ID number or phone number is returned.",
    security,
    request: { params: z.object({ studentNumber: studentNumberParamSchema }) },
    responses: {
      200: json(studentStatusSchema, "The record's status, its self-checks and the open correction request"),
      ...errors(401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/corrections",
    summary: "List correction requests (更正申请) for the token's review stage",
    description:
      "College tokens: first review (default status submitted). Registrar tokens: final review (default college_confirmed and provincial_pending).",
    security,
    request: { query: correctionListQuerySchema },
    responses: {
      200: json(correctionListResponseSchema, "One page (50) of requests"),
      ...errors(400, 401, 403, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/corrections/{id}",
    summary: "One correction request with its items",
    security,
    request: { params: id },
    responses: { 200: json(correctionDetailSchema, "The request"), ...errors(401, 403, 404, 429) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/corrections/{id}/decision",
    summary: "Decide a correction request item by item",
    description:
      "College tokens record the college review; registrar tokens the final decision, which applies accepted items to the record (old values kept in its history). A rejection needs a reason.",
    security,
    request: { params: id, body: json(decisionBodySchema, "One decision per item under review") },
    responses: {
      200: json(decisionResponseSchema, "The request's new status"),
      ...errors(400, 401, 403, 404, 409, 415, 422, 429),
    },
  });

  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "学籍自查 API",
      version: "1.0.0",
      description:
        "For the registrar's other systems. Authenticate with `Authorization: Bearer <token>`. Errors are JSON `{error, code, fieldErrors?}`. Every call is written to the audit log with actor type api.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
