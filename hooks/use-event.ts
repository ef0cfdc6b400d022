"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { EventDetail } from "@/lib/events/dto";

/** One provisioning-log entry with its token, employee and advice; idle while no id is given. */
export const useEvent = (slug: string, id: string | null, initial?: EventDetail | null) =>
  useQuery({
    queryKey: ["event", slug, id],
    enabled: id !== null,
    queryFn: ({ signal }) => fetchJson<EventDetail>(`/api/w/${encodeURIComponent(slug)}/events/${encodeURIComponent(id!)}`, { signal }),
    initialData: initial && initial.id === id ? initial : undefined,
    retry: (count, err) => (err as { status?: number }).status !== 404 && count < 1,
    staleTime: Infinity, // a logged request never changes
  });
