"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from "recharts";
import { Alert, Button, cx } from "@/components/ui";
import { useEventsChart } from "@/hooks/use-events-chart";
import { AUTO_LOOKBACK_DAYS, CHART_RANGES, DAY, HOUR, type TChartBucket, type TChartRange } from "@/lib/events/chart-window";
import { formatHour } from "@/lib/events/format";
import type { ChartBar, EventsChart } from "@/lib/events/dto";

const SERIES = [
  { key: "success", label: "Success", color: "#10b981" },
  { key: "clientError", label: "Client error (4xx)", color: "#f59e0b" },
  { key: "serverError", label: "Server error (5xx)", color: "#dc2626" },
] as const;

const RANGE_LABELS: Record<TChartRange, string> = { auto: "Auto", "24h": "24 hours", "7d": "7 days", "30d": "30 days" };
const FIXED_PERIODS: Record<Exclude<TChartRange, "auto">, string> = { "24h": "the last 24 hours", "7d": "the last 7 days", "30d": "the last 30 days" };

const n = (x: number) => x.toLocaleString("en");
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : "s"}`;
const sizeOf = (bucket: TChartBucket) => (bucket === "hour" ? HOUR : DAY);
/** "Mon 30 Nov" (UTC). */
const formatDay = (d: Date | string, weekday = true) =>
  new Date(d).toLocaleDateString("en-GB", { ...(weekday ? { weekday: "short" } : {}), day: "numeric", month: "short", timeZone: "UTC" });
const formatTime = (d: Date | string) => new Date(d).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const totalOf = (b: ChartBar) => b.success + b.clientError + b.serverError;

/** What the chart covers, in words: "the last 7 days", or auto's zoom "between 30 Nov, 09:00 and 1 Dec, 09:00 UTC". */
const periodOf = (c: EventsChart) => {
  if (c.range !== "auto") return FIXED_PERIODS[c.range];
  if (c.totals.all === 0) return `the last ${AUTO_LOOKBACK_DAYS} days`;
  if (c.bucket === "hour") return `between ${formatHour(c.from)} and ${formatHour(c.to)} UTC`;
  return `between ${formatDay(c.from, false)} and ${formatDay(new Date(new Date(c.to).getTime() - DAY), false)} (UTC)`;
};

/** The chart in words, for screen readers and for anyone who wants the numbers. */
export const chartSummary = (c: EventsChart) => {
  const { all, success, clientError, serverError } = c.totals;
  if (all === 0) return `No requests in ${periodOf(c)}.`;
  const busiest = c.bars.reduce((a, b) => (totalOf(b) > totalOf(a) ? b : a));
  const when = c.bucket === "hour" ? `hour: ${formatHour(busiest.start)} UTC` : `day: ${formatDay(busiest.start)}`;
  return (
    `${plural(all, "request")} ${c.range === "auto" ? "" : "in "}${periodOf(c)}: ${n(success)} succeeded, ${plural(clientError, "client error")}, ${plural(serverError, "server error")}. ` +
    `Busiest ${when} with ${plural(totalOf(busiest), "request")}.`
  );
};

// Hourly: a label every 3 hours (6 beyond a day), the date at midnight. Daily: about ten labels.
const ticksOf = (c: EventsChart) => {
  if (c.bucket === "hour") {
    const every = c.bars.length > 24 ? 6 : 3;
    return c.bars.filter((b) => new Date(b.start).getUTCHours() % every === 0).map((b) => b.start);
  }
  const step = Math.max(1, Math.ceil(c.bars.length / 10));
  return c.bars.filter((_, i) => i % step === 0).map((b) => b.start);
};

const tickLabel = (c: EventsChart) => (iso: string) =>
  c.bucket === "day" ? formatDay(iso, c.bars.length <= 7) : new Date(iso).getUTCHours() === 0 ? formatDay(iso, false) : formatTime(iso);

const BarTooltip = (bucket: TChartBucket) =>
  function BarTooltipContent({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) {
    const b = payload?.[0]?.payload as ChartBar | undefined;
    if (!active || !b) return null;
    return (
      <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
        <p className="font-medium text-slate-900">{bucket === "hour" ? `${formatHour(b.start)}–${formatTime(new Date(new Date(b.start).getTime() + HOUR))} UTC` : `${formatDay(b.start)} (UTC)`}</p>
        <ul className="mt-1 space-y-0.5">
          {SERIES.map((s) => (
            <li key={s.key} className="flex items-center gap-2 text-slate-700">
              <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: s.color }} />
              {s.label}: <span className="ml-auto pl-3 font-medium tabular-nums">{n(b[s.key])}</span>
            </li>
          ))}
        </ul>
        <p className="mt-1 text-slate-500">Click to list these requests</p>
      </div>
    );
  };

type Props = { slug: string; range: TChartRange; onRange: (range: TChartRange) => void; onPickBar: (from: Date, to: Date) => void };

export const RequestsChart = ({ slug, range, onRange, onPickBar }: Props) => {
  const { data, error, isPending, isFetching, refetch } = useEventsChart(slug, range);
  const summary = data ? chartSummary(data) : null;
  const bucket = data?.bucket ?? "hour";
  return (
    <section aria-labelledby="chart-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id="chart-heading" className="text-base font-semibold">
            Requests per {bucket}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600" data-testid="chart-summary" aria-live="polite">
            {summary ?? (isPending ? "Counting requests…" : "")}
          </p>
        </div>
        <div role="group" aria-label="Chart period" className="inline-flex shrink-0 rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
          {CHART_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              title={r === "auto" ? "Zoom to the period with requests: hourly bars up to two days, daily bars beyond" : undefined}
              onClick={() => onRange(r)}
              className={cx(
                "rounded px-2.5 py-1 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                r === range ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>
      <ul className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
        <li className="text-slate-500">Click a bar to list that {bucket}&apos;s requests.</li>
      </ul>
      <div className="mt-3 h-52" aria-busy={isFetching}>
        {error ? (
          <div className="flex items-center gap-3">
            <Alert>Could not load the chart: {error.message}</Alert>
            <Button variant="secondary" onClick={() => refetch()}>
              Retry
            </Button>
          </div>
        ) : data ? (
          <div role="img" aria-label={`Bar chart of requests per ${data.bucket} by outcome. ${summary}`} className="h-full w-full" data-testid="requests-chart" data-bucket={data.bucket} data-bars={data.bars.length}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data.bars}
                accessibilityLayer={false}
                margin={{ top: 4, right: 4, bottom: 0, left: -12 }}
                barCategoryGap="15%"
                onClick={(state) => {
                  const i = typeof state?.activeTooltipIndex === "number" ? state.activeTooltipIndex : Number(state?.activeTooltipIndex);
                  const b = Number.isInteger(i) ? data.bars[i] : undefined;
                  if (b) onPickBar(new Date(b.start), new Date(new Date(b.start).getTime() + sizeOf(data.bucket)));
                }}
                style={{ cursor: "pointer" }}
              >
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="start" ticks={ticksOf(data)} tickFormatter={tickLabel(data)} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} interval="preserveStartEnd" minTickGap={8} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => (v >= 1000 ? `${(v / 1000).toLocaleString("en", { maximumFractionDigits: 1 })}k` : String(v))} />
                <Tooltip content={BarTooltip(data.bucket)} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
                {SERIES.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.label} stackId="outcome" fill={s.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
    </section>
  );
};
