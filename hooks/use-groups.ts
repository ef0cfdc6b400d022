"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { TGroupList, TGroupListQuery } from "@/lib/groups/list-query";

const qsOf = (q: { q: string; page: number }) => new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(q.page > 1 ? { page: String(q.page) } : {}) }).toString();

export const useGroups = (slug: string, query: TGroupListQuery, initial?: { query: TGroupListQuery; data: TGroupList }) => {
  const qs = qsOf(query);
  return useQuery({
    queryKey: ["groups", slug, query],
    queryFn: ({ signal }) => fetchJson<TGroupList>(`/api/w/${slug}/groups${qs ? `?${qs}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
    initialData: initial && qsOf(initial.query) === qs ? initial.data : undefined,
  });
};
