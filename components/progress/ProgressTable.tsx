import { getTranslations } from "next-intl/server";
import { DataTable, RowTh, Td, Th } from "@/components/ui/Table";
import { rate, sumCounts, type GroupBy, type GroupCounts } from "@/lib/progress/counts";
import { ProgressRows, type ProgressRow } from "./ProgressRows";

/** The breakdown as a table: the accessible twin of the chart, with a total row. */
export async function ProgressTable({
  groups,
  groupBy,
  caption,
  linkFor,
  showCollege = groupBy !== "college",
}: {
  groups: GroupCounts[];
  groupBy: GroupBy;
  caption: string;
  linkFor?: (g: GroupCounts) => string;
  /** a college column (a major's or class's college); not when every row is of the same college */
  showCollege?: boolean;
}) {
  const t = await getTranslations("progress.breakdown");
  const total = sumCounts(groups);
  const cells = (c: typeof total) => [
    c.total,
    c.registered,
    c.viewed,
    c.confirmed,
    `${rate(c.confirmed, c.total)}%`,
    c.reported,
  ];
  const fmt = (v: number | string) => (typeof v === "number" ? v.toLocaleString("zh-CN") : v);
  const hrefs = linkFor ? groups.map(linkFor) : null;
  const hrefPrefix = hrefs ? commonPrefix(hrefs) : "";
  return (
    <DataTable caption={caption} figures>
      <thead>
        <tr>
          {showCollege ? <Th>{t("college")}</Th> : null}
          <Th>{t(`unit.${groupBy}`)}</Th>
          {(["total", "registered", "viewed", "confirmed", "checkRate", "reported"] as const).map((k) => (
            <Th key={k} className="text-right">
              {t(k)}
            </Th>
          ))}
        </tr>
      </thead>
      <ProgressRows
        showCollege={showCollege}
        hrefPrefix={hrefPrefix}
        rows={groups.map((g, i): ProgressRow => [
          g.name,
          hrefs ? hrefs[i].slice(hrefPrefix.length) : null,
          showCollege ? (g.collegeName ?? "") : null,
          ...cells(g).map(fmt),
        ])}
      />
      {/* the total of one row is that row */}
      {groups.length > 1 ? (
        <tfoot>
          <tr>
            {showCollege ? <td /> : null}
            <RowTh>{t("all")}</RowTh>
            {cells(total).map((v, i) => (
              <Td key={i} num>
                {fmt(v)}
              </Td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </DataTable>
  );
}

/** The longest start the strings share (the rows' links differ in their last parameter only). */
function commonPrefix(values: string[]): string {
  if (values.length < 2) return "";
  let end = 0;
  const [first] = values;
  while (end < first.length && values.every((v) => v[end] === first[end])) end++;
  return first.slice(0, end);
}
