import { z } from "zod";

/** Search parameters of a queue page (bad values fall back to the defaults). */
export const queueQuery = z.object({
  status: z.string().max(30).catch("pending").default("pending"),
  q: z.string().max(50).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  decided: z.string().max(30).optional().catch(undefined),
  collegeId: z.string().max(40).optional().catch(undefined),
  campaignId: z.string().max(40).optional().catch(undefined),
});
