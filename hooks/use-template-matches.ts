"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TRules } from "@/lib/provisioning/templates";
import type { TMatchList } from "@/lib/templates/dto";

export const matchesKey = (slug: string) => ["template-matches", slug] as const;

/** The employees `rules` match, one page at a time; nothing is asked while `rules` is null. */
export const useTemplateMatches = (slug: string, rules: TRules | null, page: number) =>
  useQuery({
    queryKey: [...matchesKey(slug), rules, page],
    queryFn: () => requestJson<TMatchList>(`/api/w/${slug}/templates/matches`, { method: "POST", body: { rules, page } }),
    enabled: rules !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
