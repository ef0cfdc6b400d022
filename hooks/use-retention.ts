"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TRetentionSettings, TRetentionStatus } from "@/lib/retention/retention";

export const retentionKey = (slug: string) => ["retention", slug] as const;

export const useRetention = (slug: string, initial: TRetentionStatus) =>
  useQuery({
    queryKey: retentionKey(slug),
    queryFn: async () => (await requestJson<{ retention: TRetentionStatus }>(`/api/w/${slug}/retention`)).retention,
    initialData: initial,
  });

/** Saves the retention; the answer is the new status (how many rows are now past it). */
export const useSaveRetention = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (settings: TRetentionSettings) => (await requestJson<{ retention: TRetentionStatus }>(`/api/w/${slug}/retention`, { method: "PUT", body: settings })).retention,
    onSuccess: (status) => client.setQueryData(retentionKey(slug), status),
  });
};
