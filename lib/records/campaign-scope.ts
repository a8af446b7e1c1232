/**
 * Which records a 自查批次 covers: the same cohort (入学年份, e.g. "2023") and the same level. Campaign
 * levels are written the way the registrar's notices write them ("普通本科", "专升本") while records carry
 * the national 层次 ("本科", "专升本"): the prefix 普通 (the 学历类别, the same for every record here) is
 * ignored, so "普通本科" and "本科" both cover 本科 records but not 专升本 or 专科 ones. A campaign whose level
 * is "全部" (or empty) covers every level of its cohort.
 */
export function levelKey(level: string): string {
  return level.replace(/\s+/g, "").replace(/^普通/, "");
}

export function campaignCoversRecord(
  campaign: { cohort: string; level: string },
  record: { cohort: string; level: string },
): boolean {
  if (campaign.cohort.trim() !== record.cohort.trim()) return false;
  const level = levelKey(campaign.level);
  return level === "" || level === "全部" || level === levelKey(record.level);
}

/** Whether `now` is inside the campaign's window [startsAt, endsAt). */
export function windowContains(campaign: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return campaign.startsAt.getTime() <= now.getTime() && now.getTime() < campaign.endsAt.getTime();
}
