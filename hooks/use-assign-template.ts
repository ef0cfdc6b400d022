"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TApplyResult } from "@/lib/templates/dto";
import { employeesKey } from "./use-employees";

/** Assigns a template to picked employees (at most 1,000); the employee list refreshes after. */
export const useAssignTemplate = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ templateId, employeeIds }: { templateId: string; employeeIds: string[] }) =>
      requestJson<TApplyResult>(`/api/w/${encodeURIComponent(slug)}/templates/${encodeURIComponent(templateId)}/apply`, { method: "POST", body: { employeeIds } }),
    onSuccess: () => client.invalidateQueries({ queryKey: employeesKey(slug) }),
  });
};
