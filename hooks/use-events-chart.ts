"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { TChartRange } from "@/lib/events/chart-window";
import type { EventsChart } from "@/lib/events/dto";

/** Requests per hour or day by outcome over the chart's range ("auto": where the requests are). */
export const useEventsChart = (slug: string, range: TChartRange) =>
  useQuery({
    queryKey: ["events-chart", slug, range],
    queryFn: ({ signal }) => fetchJson<EventsChart>(`/api/w/${encodeURIComponent(slug)}/events/chart?range=${range}`, { signal }),
    placeholderData: (previous) => previous,
  });
