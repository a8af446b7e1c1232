import "server-only";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { audit } from "@/lib/security/audit";
import { progressBy, rate, sumCounts, type GroupBy, type GroupCounts } from "@/lib/progress/counts";
import type { CampaignRef } from "@/lib/progress/campaign";

const SHEETS: { groupBy: GroupBy; title: string; unit: string }[] = [
  { groupBy: "college", title: "分院进度", unit: "分院" },
  { groupBy: "major", title: "专业进度", unit: "专业" },
  { groupBy: "classGroup", title: "班级进度", unit: "班级" },
];

function row(name: string, college: string | undefined, c: GroupCounts | ReturnType<typeof sumCounts>) {
  return [
    ...(college === undefined ? [name] : [college, name]),
    c.total,
    c.registered,
    rate(c.registered, c.total) / 100,
    c.viewed,
    rate(c.viewed, c.total) / 100,
    c.confirmed,
    rate(c.confirmed, c.total) / 100,
    c.reported,
  ];
}

/** Full progress of a campaign (every college, major and class group the actor may see) as one workbook. */
export async function exportProgress(actor: Actor, campaign: CampaignRef): Promise<Buffer> {
  assertCan(actor, "export.all");
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const { groupBy, title, unit } of SHEETS) {
    const groups = await progressBy(actor, campaign, groupBy);
    const sheet = workbook.addWorksheet(title, { views: [{ state: "frozen", ySplit: 1 }] });
    const withCollege = groupBy !== "college";
    sheet.addRow([
      ...(withCollege ? ["分院"] : []),
      unit,
      "学生数",
      "已注册",
      "注册率",
      "已查看",
      "查看率",
      "已确认",
      "核查率",
      "已报错",
    ]);
    sheet.getRow(1).font = { bold: true };
    for (const g of groups) sheet.addRow(row(g.name, withCollege ? (g.collegeName ?? "") : undefined, g));
    sheet.addRow(row("合计", withCollege ? "" : undefined, sumCounts(groups))).font = { bold: true };
    const offset = withCollege ? 1 : 0;
    for (const col of [4, 6, 8]) sheet.getColumn(col + offset).numFmt = "0.0%";
    sheet.columns.forEach((c, i) => (c.width = i <= offset ? 26 : 10));
  }
  await db.$transaction((tx) =>
    audit(tx, actor, { action: "progress.export", targetType: "Campaign", targetId: campaign.id }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
