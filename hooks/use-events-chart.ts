"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { EventsChart } from "@/lib/events/dto";

/** Requests per hour by outcome over the last `days` days. */
export const useEventsChart = (slug: string, days: number) =>
  useQuery({
    queryKey: ["events-chart", slug, days],
    queryFn: ({ signal }) => fetchJson<EventsChart>(`/api/w/${encodeURIComponent(slug)}/events/chart?days=${days}`, { signal }),
    placeholderData: (previous) => previous,
  });
