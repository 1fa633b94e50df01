// A daily time series drawn with uPlot: one line per series, dates on the x axis (UTC days),
// values 0–100 on the y axis. uPlot draws on a canvas; the chart is redrawn when the data or
// the container's width change.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  color: string;
  width?: number;
}

export function TrendChart({
  dates,
  series,
  height = 240,
  label,
  range = [0, 100],
  decimals = 1,
}: {
  /** UTC days, YYYY-MM-DD. */
  dates: string[];
  series: TrendSeries[];
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** The y axis range (default 0–100); null fits the values. */
  range?: [number, number] | null;
  /** Decimals of the values in the legend. */
  decimals?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [xs, ...series.map((s) => s.values)];
    const options: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: range ? { range } : { auto: true } },
      axes: [{}, { values: (_u, ticks) => ticks.map((t) => `${t}`) }],
      series: [
        {
          label: 'Day',
          value: (_u, v) => (v ? new Date(v * 1000).toISOString().slice(0, 10) : ''),
        },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 2,
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toFixed(decimals)),
        })),
      ],
    };
    const plot = new uPlot(options, data, el);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, el.clientWidth), height }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [dates, series, height, range?.[0], range?.[1], range === null, decimals]);
  return <div ref={box} className="trend-chart" role="img" aria-label={label} />;
}
