"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { TMemberList, TMemberListQuery } from "@/lib/groups/list-query";

const qsOf = (q: { q: string; page: number }) => new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(q.page > 1 ? { page: String(q.page) } : {}) }).toString();

export const useGroupMembers = (slug: string, groupId: string, query: TMemberListQuery, initial?: { query: TMemberListQuery; data: TMemberList }) => {
  const qs = qsOf(query);
  return useQuery({
    queryKey: ["group-members", slug, groupId, query],
    queryFn: ({ signal }) => fetchJson<TMemberList>(`/api/w/${slug}/groups/${groupId}/members${qs ? `?${qs}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
    initialData: initial && qsOf(initial.query) === qs ? initial.data : undefined,
  });
};
