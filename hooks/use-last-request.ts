"use client";
import { useQuery } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { LastRequestDto } from "@/lib/tokens/dto";

export const useLastRequest = (slug: string, initialData: LastRequestDto) =>
  useQuery({
    queryKey: ["workspace", slug, "last-request"],
    queryFn: async () => (await requestJson<{ lastRequest: LastRequestDto }>(`/api/w/${slug}/activity/latest`)).lastRequest,
    initialData,
    refetchInterval: 10_000,
  });
