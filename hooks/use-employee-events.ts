"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { TTimelinePage } from "@/lib/employees/timeline";

/** An employee's timeline, page by page (keyset cursor); the first page comes rendered from the server. */
export const useEmployeeEvents = (slug: string, employeeId: string, initial?: TTimelinePage) =>
  useInfiniteQuery({
    queryKey: ["employee-events", slug, employeeId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<TTimelinePage>(`/api/w/${encodeURIComponent(slug)}/employees/${encodeURIComponent(employeeId)}/events${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial ? { pages: [initial], pageParams: [null] } : undefined,
  });
