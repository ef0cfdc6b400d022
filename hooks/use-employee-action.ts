"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { employeesKey } from "./use-employees";

/** Archive or restore a manual employee. */
export const useEmployeeAction = (slug: string, id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "archive" | "restore") => fetchJson<{ ok: true; status: string }>(`/api/w/${slug}/employees/${id}/${action}`, { method: "POST" }),
    // The change is on the employee's timeline now (archive-employee.ts records it).
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: employeesKey(slug) }), client.invalidateQueries({ queryKey: ["employee-events", slug, id] })]),
  });
};
