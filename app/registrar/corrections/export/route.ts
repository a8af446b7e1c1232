import { correctionsDownload } from "@/lib/exports/corrections-download";

/** 勘误汇总 of every college (filters: collegeId, status, campaignId, format). */
export const GET = correctionsDownload("registrar");
