"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartDatum = { name: string; confirmed: number; viewedOnly: number; notViewed: number };

/**
 * Stacked bars per unit: confirmed / viewed but not confirmed / not viewed. The chart is a picture of the
 * table next to it (role="img" with a summary); screen-reader and keyboard users read the table.
 */
export function ProgressChart({
  data,
  title,
  labels,
}: {
  data: ChartDatum[];
  title: string;
  labels: { confirmed: string; viewedOnly: string; notViewed: string };
}) {
  const height = Math.max(160, data.length * 30 + 60);
  // Room for the longest unit name (CJK glyphs are ~12 px at 12 px font), capped so a phone keeps its bars.
  const longest = data.reduce((n, d) => Math.max(n, d.name.length), 0);
  const axisWidth = Math.min(150, Math.max(60, longest * 12 + 12));
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis
              type="category"
              dataKey="name"
              width={axisWidth}
              tick={{ fontSize: 12, fill: "#334155" }}
              interval={0}
            />
            <Tooltip />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>}
            />
            <Bar dataKey="confirmed" name={labels.confirmed} stackId="a" fill="#17449e" />
            <Bar dataKey="viewedOnly" name={labels.viewedOnly} stackId="a" fill="#7fa3ea" />
            <Bar dataKey="notViewed" name={labels.notViewed} stackId="a" fill="#94a3b8" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
