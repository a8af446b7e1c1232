import { NextResponse } from "next/server";
import { instanceName } from "@/lib/ops/instance";

/** Liveness: the process answers. Load balancers and systemd watchdogs poll it; it checks nothing else. */
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(
    { status: "ok", instance: instanceName(), uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}
