import { correctionsDownload } from "@/lib/exports/corrections-download";

/** 勘误汇总 of the clerk's colleges (filters: collegeId, status, campaignId, format). */
export const GET = correctionsDownload("college");
