import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { parseResidentIdNumber } from "@/lib/identity/id-number";
import { call } from "./client";

/** Every string in the document that looks like an 18-digit resident ID number, with where it sits. */
function idNumbersIn(value: unknown, at = "$"): { at: string; id: string }[] {
  if (typeof value === "string") return /^\d{17}[\dXx]$/.test(value) ? [{ at, id: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => idNumbersIn(v, `${at}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => idNumbersIn(v, `${at}.${k}`));
  return [];
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await call(openapi, "/api/v1/openapi.json");
    await expect(SwaggerParser.validate(structuredClone(doc.body) as never)).resolves.toBeTruthy();
  });

  it("shows only ID numbers that pass their own check (check digit, birth date)", async () => {
    const doc = await call(openapi, "/api/v1/openapi.json");
    const found = idNumbersIn(doc.body);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => !parseResidentIdNumber(f.id).ok)).toEqual([]);
  });
});
