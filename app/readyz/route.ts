import { NextResponse } from "next/server";
import { instanceName } from "@/lib/ops/instance";
import { readiness } from "@/lib/ops/health";

/**
 * Readiness: database reachable, migrations current, uploads folder writable. 503 while any is not, so a
 * load balancer sends no students to an instance that cannot serve them.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return NextResponse.json(
    { status: r.ready ? "ready" : "not ready", instance: instanceName(), ...r },
    { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
