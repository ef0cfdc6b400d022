"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { employeesKey } from "./use-employees";

/** Archive or restore a manual employee. */
export const useEmployeeAction = (slug: string, id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "archive" | "restore") => fetchJson<{ ok: true; status: string }>(`/api/w/${slug}/employees/${id}/${action}`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: employeesKey(slug) }),
  });
};
