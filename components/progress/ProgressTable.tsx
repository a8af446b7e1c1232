import { getTranslations } from "next-intl/server";
import { rate, sumCounts, type GroupBy, type GroupCounts } from "@/lib/progress/counts";

/** The breakdown as a table: the accessible twin of the chart, with a total row. */
export async function ProgressTable({
  groups,
  groupBy,
  caption,
  linkFor,
}: {
  groups: GroupCounts[];
  groupBy: GroupBy;
  caption: string;
  linkFor?: (g: GroupCounts) => string;
}) {
  const t = await getTranslations("progress.breakdown");
  const total = sumCounts(groups);
  const showCollege = groupBy !== "college";
  const cells = (c: typeof total) => [
    c.total,
    c.registered,
    c.viewed,
    c.confirmed,
    `${rate(c.confirmed, c.total)}%`,
    c.reported,
  ];
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {showCollege ? (
              <th scope="col" className="px-3 py-2">
                {t("college")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              {t(`unit.${groupBy}`)}
            </th>
            {(["total", "registered", "viewed", "confirmed", "checkRate", "reported"] as const).map((k) => (
              <th key={k} scope="col" className="px-3 py-2 text-right">
                {t(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((g) => (
            <tr key={g.id}>
              {showCollege ? <td className="px-3 py-2 text-slate-600">{g.collegeName}</td> : null}
              <th scope="row" className="px-3 py-2 font-medium">
                {linkFor ? (
                  <a className="text-brand-700 underline-offset-2 hover:underline" href={linkFor(g)}>
                    {g.name}
                  </a>
                ) : (
                  g.name
                )}
              </th>
              {cells(g).map((v, i) => (
                <td key={i} className="px-3 py-2 text-right tabular-nums">
                  {typeof v === "number" ? v.toLocaleString("zh-CN") : v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 font-semibold">
          <tr>
            {showCollege ? <td className="px-3 py-2" /> : null}
            <th scope="row" className="px-3 py-2">
              {t("all")}
            </th>
            {cells(total).map((v, i) => (
              <td key={i} className="px-3 py-2 text-right tabular-nums">
                {typeof v === "number" ? v.toLocaleString("zh-CN") : v}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
