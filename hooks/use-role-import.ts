"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TRoleImportSettings } from "@/lib/provisioning/roles";

export const roleImportKey = (slug: string) => ["role-import", slug] as const;

export const useRoleImport = (slug: string, initial: TRoleImportSettings) =>
  useQuery({
    queryKey: roleImportKey(slug),
    queryFn: async () => (await requestJson<{ settings: TRoleImportSettings }>(`/api/w/${slug}/role-import`)).settings,
    initialData: initial,
  });

/** Saves the whole section (toggle, order, unknown roles, rules); the answer is what was stored. */
export const useSaveRoleImport = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (settings: TRoleImportSettings) => (await requestJson<{ settings: TRoleImportSettings }>(`/api/w/${slug}/role-import`, { method: "PUT", body: settings })).settings,
    onSuccess: (settings) => client.setQueryData(roleImportKey(slug), settings),
  });
};
