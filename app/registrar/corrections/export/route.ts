import type { NextRequest } from "next/server";
import { correctionsDownload } from "@/lib/exports/corrections-download";

/** 勘误汇总 of every college (filters: collegeId, status, campaignId, format). */
export function GET(request: NextRequest) {
  return correctionsDownload(request, "registrar");
}
