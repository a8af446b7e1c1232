import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/api/respond";

/** The OpenAPI 3.1 document (public: it describes the API, it opens nothing). */
export function GET(): Response {
  return json(openApiDocument(), 200, { "cache-control": "public, max-age=300" });
}
