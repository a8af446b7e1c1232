"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** 核查率 per day (cumulative). A picture of the table beside it, which carries the same numbers. */
export function TrendChart({
  data,
  title,
  rateLabel,
}: {
  data: { day: string; rate: number }[];
  title: string;
  rateLabel: string;
}) {
  return (
    <figure role="img" aria-label={title} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [`${String(value)}%`, rateLabel]} />
          <Line
            type="monotone"
            dataKey="rate"
            name={rateLabel}
            stroke="#17449e"
            strokeWidth={2}
            dot={{ r: 3 }}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
