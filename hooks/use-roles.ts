"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TRoleDto, TRoleInput } from "@/lib/roles/schemas";

export const rolesKey = (slug: string) => ["roles", slug] as const;

export const useRoles = (slug: string, initial: TRoleDto[]) =>
  useQuery({
    queryKey: rolesKey(slug),
    queryFn: async () => (await requestJson<{ roles: TRoleDto[] }>(`/api/w/${slug}/roles`)).roles,
    initialData: initial,
  });

/** Creates a role (key null) or saves one; the list is read again after. */
export const useSaveRole = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input }: { key: string | null; input: TRoleInput }) =>
      requestJson<{ role: TRoleDto }>(key ? `/api/w/${slug}/roles/${encodeURIComponent(key)}` : `/api/w/${slug}/roles`, { method: key ? "PUT" : "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey(slug) }),
  });
};

export const useDeleteRole = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => requestJson<{ ok: true }>(`/api/w/${slug}/roles/${encodeURIComponent(key)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey(slug) }),
  });
};

export const useSetEmployeeRole = (slug: string, employeeId: string) =>
  useMutation({
    mutationFn: (role: string) => requestJson<{ changed: boolean; role: string; roleSource: string }>(`/api/w/${slug}/employees/${employeeId}/role`, { method: "PUT", body: { role } }),
  });
