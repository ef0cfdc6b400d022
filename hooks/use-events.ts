"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { filtersToParams, type TEventFilters } from "@/lib/events/filters";
import type { EventPage } from "@/lib/events/dto";

/**
 * The provisioning log, page by page (keyset cursor), for the given filters. The first page of the
 * filters the server rendered with comes as `initial`, so the page shows rows without a round trip.
 */
export const useEvents = (slug: string, filters: TEventFilters, initial?: { key: string; page: EventPage }) => {
  const key = filtersToParams(filters).toString();
  return useInfiniteQuery({
    queryKey: ["events", slug, key],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(key);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<EventPage>(`/api/w/${encodeURIComponent(slug)}/events?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial && initial.key === key ? { pages: [initial.page], pageParams: [null] } : undefined,
  });
};
