"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { TTimelinePage } from "@/lib/employees/timeline";

/** One page of an employee's provisioning timeline; page 1 comes rendered from the server. */
export const useEmployeeEvents = (slug: string, employeeId: string, page: number, initial?: TTimelinePage) =>
  useQuery({
    queryKey: ["employee-events", slug, employeeId, page],
    queryFn: ({ signal }) => fetchJson<TTimelinePage>(`/api/w/${slug}/employees/${employeeId}/events?page=${page}`, { signal }),
    placeholderData: keepPreviousData,
    initialData: page === 1 ? initial : undefined,
  });
