"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from "recharts";
import { Alert, Button } from "@/components/ui";
import { useEventsChart } from "@/hooks/use-events-chart";
import { formatHour } from "@/lib/events/format";
import type { ChartHour, EventsChart } from "@/lib/events/dto";

export const CHART_DAYS = [1, 7, 14, 30] as const;
export const DEFAULT_CHART_DAYS = 7;

const HOUR = 3_600_000;
const SERIES = [
  { key: "success", label: "Success", color: "#10b981" },
  { key: "clientError", label: "Client error (4xx)", color: "#f59e0b" },
  { key: "serverError", label: "Server error (5xx)", color: "#dc2626" },
] as const;

const n = (x: number) => x.toLocaleString("en");
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : "s"}`;
const periodOf = (days: number) => (days === 1 ? "the last 24 hours" : `the last ${days} days`);

/** The chart in words, for screen readers and for anyone who wants the numbers. */
export const chartSummary = (c: EventsChart) => {
  const { all, success, clientError, serverError } = c.totals;
  if (all === 0) return `No requests in ${periodOf(c.days)}.`;
  const busiest = c.hours.reduce((a, b) => (b.success + b.clientError + b.serverError > a.success + a.clientError + a.serverError ? b : a));
  const busiestCount = busiest.success + busiest.clientError + busiest.serverError;
  return (
    `${plural(all, "request")} in ${periodOf(c.days)}: ${n(success)} succeeded, ${plural(clientError, "client error")}, ${plural(serverError, "server error")}. ` +
    `Busiest hour: ${formatHour(busiest.hour)} UTC with ${plural(busiestCount, "request")}.`
  );
};

// Day boundaries (UTC midnight) label the axis; with many days only every few are written.
const ticksOf = (hours: ChartHour[], days: number) => {
  if (days === 1) return hours.filter((h) => new Date(h.hour).getUTCHours() % 3 === 0).map((h) => h.hour);
  const step = days > 14 ? 5 : days > 7 ? 2 : 1;
  const midnights = hours.filter((h) => new Date(h.hour).getUTCHours() === 0);
  return midnights.filter((_, i) => i % step === 0).map((h) => h.hour);
};

const tickLabel = (days: number) => (iso: string) =>
  days === 1
    ? new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })
    : new Date(iso).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

const HourTooltip = ({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) => {
  const h = payload?.[0]?.payload as ChartHour | undefined;
  if (!active || !h) return null;
  const end = new Date(new Date(h.hour).getTime() + HOUR);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">
        {formatHour(h.hour)}–{end.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC
      </p>
      <ul className="mt-1 space-y-0.5">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-2 text-slate-700">
            <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: s.color }} />
            {s.label}: <span className="ml-auto pl-3 font-medium tabular-nums">{n(h[s.key])}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-slate-500">Click to list these requests</p>
    </div>
  );
};

type Props = { slug: string; days: number; onDays: (days: number) => void; onPickHour: (from: Date, to: Date) => void };

export const RequestsChart = ({ slug, days, onDays, onPickHour }: Props) => {
  const { data, error, isPending, isFetching, refetch } = useEventsChart(slug, days);
  const summary = data ? chartSummary(data) : null;
  return (
    <section aria-labelledby="chart-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h2 id="chart-heading" className="text-base font-semibold">
            Requests per hour
          </h2>
          <p className="mt-0.5 text-sm text-slate-600" data-testid="chart-summary" aria-live="polite">
            {summary ?? (isPending ? "Counting requests…" : "")}
          </p>
        </div>
        <label className="sr-only" htmlFor="chart-days">
          Chart period
        </label>
        <select
          id="chart-days"
          value={days}
          onChange={(e) => onDays(Number(e.target.value))}
          className="rounded-md border border-slate-300 bg-white py-1.5 pl-3 pr-8 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
        >
          {CHART_DAYS.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? "Last 24 hours" : `Last ${d} days`}
            </option>
          ))}
        </select>
      </div>
      <ul className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
        <li className="text-slate-500">Click a bar to list that hour&apos;s requests.</li>
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
          <div role="img" aria-label={`Bar chart of requests per hour by outcome. ${summary}`} className="h-full w-full" data-testid="requests-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data.hours}
                accessibilityLayer={false}
                margin={{ top: 4, right: 4, bottom: 0, left: -12 }}
                barCategoryGap={days === 1 ? "20%" : 0}
                onClick={(state) => {
                  const i = typeof state?.activeTooltipIndex === "number" ? state.activeTooltipIndex : Number(state?.activeTooltipIndex);
                  const h = Number.isInteger(i) ? data.hours[i] : undefined;
                  if (h) onPickHour(new Date(h.hour), new Date(new Date(h.hour).getTime() + HOUR));
                }}
                style={{ cursor: "pointer" }}
              >
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="hour" ticks={ticksOf(data.hours, days)} tickFormatter={tickLabel(days)} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => (v >= 1000 ? `${(v / 1000).toLocaleString("en", { maximumFractionDigits: 1 })}k` : String(v))} />
                <Tooltip content={HourTooltip} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
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
