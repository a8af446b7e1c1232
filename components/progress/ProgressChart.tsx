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
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="confirmed" name={labels.confirmed} stackId="a" fill="#17449e" />
            <Bar dataKey="viewedOnly" name={labels.viewedOnly} stackId="a" fill="#7fa3ea" />
            <Bar dataKey="notViewed" name={labels.notViewed} stackId="a" fill="#cbd5e1" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
