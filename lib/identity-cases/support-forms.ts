import type { searchSupportCases } from "./support-queue";

/** What support's decision form shows once decided (the message in the reader's language). */
export type DecisionData = { message?: string };

/** One page of 查询工单 results, with the query it answers (posted, never in the URL). */
export type CaseSearchData = Awaited<ReturnType<typeof searchSupportCases>> & { q: string; status: string };
