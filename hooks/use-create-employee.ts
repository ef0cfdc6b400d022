"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { employeesKey } from "./use-employees";

type Created = { employee: { id: string; displayName: string | null; email: string | null } };

export const useCreateEmployee = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    // The form's own values: the server validates them (the same schema the form checked).
    mutationFn: (input: Record<string, string>) => fetchJson<Created>(`/api/w/${slug}/employees`, { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: employeesKey(slug) }),
  });
};
